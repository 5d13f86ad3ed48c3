namespace Jianfu.Platform.Layout;

/// <summary>One kind of work waiting for the signed-in user, with the page where it is done.</summary>
/// <param name="InMenu">Whether it counts towards the number beside the menu link (false for a part of another count).</param>
public sealed record WorkCount(string Link, string Label, int Count, bool InMenu = true);

/// <summary>A module's count of the work waiting for the signed-in user, for the roles the user holds (none otherwise).</summary>
public interface IWorkSource
{
    Task<IReadOnlyList<WorkCount>> CountAsync(CancellationToken ct);
}

/// <summary>
/// What waits for the signed-in user, counted by the modules that own the work: the menu shows the counts beside its
/// links, the home page lists them, and signing in lands on the page of the first (the inbox for a village, the
/// review queue for a reviewer) instead of a page of links.
/// </summary>
public sealed class MyWork(IEnumerable<IWorkSource> sources)
{
    public async Task<List<WorkCount>> AllAsync(CancellationToken ct)
    {
        var all = new List<WorkCount>();
        foreach (var source in sources)
        {
            all.AddRange(await source.CountAsync(ct));
        }

        return all;
    }

    /// <summary>The number beside each menu link: what waits behind it.</summary>
    public static int MenuCount(IEnumerable<WorkCount> counts, string link) => counts.Where(c => c.InMenu && c.Link == link).Sum(c => c.Count);

    /// <summary>Where to go after signing in: the page of the user's first kind of work, or the home page.</summary>
    public async Task<string> LandingAsync(CancellationToken ct) => (await AllAsync(ct)).FirstOrDefault()?.Link ?? "/";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/start", async (MyWork work, CancellationToken ct) => Results.LocalRedirect(await work.LandingAsync(ct)))
            .RequireAuthorization().ExcludeFromDescription();
}
