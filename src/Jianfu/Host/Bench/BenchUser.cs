using Jianfu.Modules.Organisation;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Platform.Database;

namespace Jianfu.Host.Bench;

/// <summary>Who a benchmark's handler acts as: the user id a scope is given (no sign-in, no HTTP).</summary>
internal sealed class BenchIdentity
{
    public string UserId { get; set; } = "";
}

/// <summary>The signed-in user of a benchmark's scope, loaded as the application loads one.</summary>
internal sealed class BenchUser(BenchIdentity identity, JianfuDbContext db) : ICurrentUserAccessor
{
    private CurrentUser? _user;

    public async Task<CurrentUser> GetAsync(CancellationToken ct = default) =>
        _user ??= await CurrentUserAccessor.LoadAsync(db, identity.UserId, ct) ?? CurrentUser.Anonymous;

    public static void Register(IServiceCollection services) => services.AddScoped<BenchIdentity>().AddScoped<ICurrentUserAccessor, BenchUser>();
}

/// <summary>What the in-process benchmarks share: a scope acting as a user, a use case's result checked, the figures.</summary>
internal static class BenchSteps
{
    public static IServiceScope As(IServiceProvider services, string userId)
    {
        var scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<BenchIdentity>().UserId = userId;
        return scope;
    }

    public static void Check<T>(Platform.Errors.Result<T> result)
    {
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException(result.Error!.Message);
        }
    }

    public static double Median(List<double> xs) => xs.Order().ElementAt(xs.Count / 2);

    public static double P95(List<double> xs) => xs.Order().ElementAt((int)Math.Ceiling(xs.Count * 0.95) - 1);
}
