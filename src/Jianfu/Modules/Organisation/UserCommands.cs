using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Modules.Organisation.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;
using Microsoft.AspNetCore.Identity;

namespace Jianfu.Modules.Organisation;

/// <summary>`jianfu users add` and `jianfu users unlock`: the server operator's way to accounts (CommandLineOperator).</summary>
internal static class UserCommands
{
    /// <summary>The same use case as the admin page (`CreateUser`): its checks, its transaction and its history.</summary>
    public static async Task<int> AddAsync(IServiceProvider services, string name, Dictionary<string, string> options, CancellationToken ct)
    {
        // Never take a password on the command line, where it would stay in the shell history.
        var password = Environment.GetEnvironmentVariable("JIANFU_NEW_PASSWORD");
        if (string.IsNullOrEmpty(password))
        {
            Console.Write("密码 password: ");
            password = Console.ReadLine();
        }

        var request = new CreateUser.Request(name, options.GetValueOrDefault("display-name") ?? name, password,
            options.GetValueOrDefault("role"), options.GetValueOrDefault("unit"), options.GetValueOrDefault("department"), options.GetValueOrDefault("phone"));
        // Nobody signs in on the command line: the operator on the server acts (CommandLineOperator).
        var created = await CommandLineOperator.Handler<CreateUser.Handler>(services).HandleAsync(request, ct);
        if (!created.IsSuccess)
        {
            throw new CommandException(created.Error!.Message);
        }

        var role = Enum.Parse<Role>(options["role"], ignoreCase: true);
        Console.WriteLine($"已创建用户 {created.Value}:{role.Chinese()},单位 {options["unit"]}{(options.GetValueOrDefault("department") is { } d ? " " + d : "")}。");
        return 0;
    }

    /// <summary>
    /// Lifts the pause after five wrong passwords: the way back in for an administrator whose own account was paused by
    /// somebody guessing at it (the admin pages need a signed-in administrator).
    /// </summary>
    public static async Task<int> UnlockAsync(IServiceProvider services, string name, CancellationToken ct)
    {
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByNameAsync(name);
        if (user is null)
        {
            await Console.Error.WriteLineAsync($"错误:用户“{name}”不存在。");
            return 2;
        }

        var unlocked = await UpdateAccount.UnlockAsync(users, user);
        if (!unlocked.Succeeded)
        {
            throw new CommandException(string.Join(" ", unlocked.Errors.Select(e => e.Description)));
        }

        var db = services.GetRequiredService<JianfuDbContext>();
        db.OrganisationHistory.Add(new OrganisationHistory { At = services.GetRequiredService<TimeProvider>().UtcNow(), Actor = CommandLineOperator.Name, Action = $"解除锁定 {name}" });
        await db.SaveChangesAsync(ct);
        Console.WriteLine($"已解除 {name} 的登录暂停。");
        return 0;
    }
}
