namespace Jianfu.Tests.Infrastructure;

/// <summary>
/// The public data the tests read: the small pieces copied into tests/Jianfu.Tests/Data (with their source noted there),
/// so that a fresh clone passes with nothing beside it.
/// </summary>
public static class SharedData
{
    public static string Path(params string[] parts)
    {
        var path = System.IO.Path.Combine([AppContext.BaseDirectory, "Data", .. parts]);
        return File.Exists(path) ? path : throw new FileNotFoundException($"tests/Jianfu.Tests/Data/{string.Join('/', parts)} is missing from the build output");
    }
}
