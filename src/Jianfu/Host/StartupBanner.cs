using Jianfu.Modules.Organisation.Contracts;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Jianfu.Host;

/// <summary>What a newcomer needs on the first screen: where the platform is, and how to sign in.</summary>
internal static class StartupBanner
{
    public static void Print(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var config = app.Configuration;
        Console.WriteLine();
        Console.WriteLine("减负 Jianfu 已启动 / started");
        foreach (var address in addresses)
        {
            Console.WriteLine($"  网址 URL:      {address}");
            Console.WriteLine($"  接口文档 API:  {address.TrimEnd('/')}/openapi");
        }

        Console.WriteLine($"  数据库 database: {config["Jianfu:Database:Provider"] ?? "Sqlite"}" +
                          (string.Equals(config["Jianfu:Database:Provider"], "Postgres", StringComparison.OrdinalIgnoreCase)
                              ? "" : $" ({Path.Combine(Platform.Database.DatabaseSetup.DataDirectory(config), "jianfu.db")})"));
        if (app.Services.GetRequiredService<DemoStatus>().Present)
        {
            Console.WriteLine($"  演示账号 demo accounts (密码 password: {DemoOrganisation.Password}):");
            foreach (var a in DemoOrganisation.Accounts)
            {
                Console.WriteLine($"    {a.UserName,-20} {a.DisplayName} — {a.Purpose}");
            }
        }

        Console.WriteLine();
    }
}
