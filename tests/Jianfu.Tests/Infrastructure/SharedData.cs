namespace Jianfu.Tests.Infrastructure;

/// <summary>The project's shared real data (../shared/data beside the checkout), found by walking up from the test binaries.</summary>
public static class SharedData
{
    public static string Path(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine([dir.FullName, "shared", "data", .. parts]);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"shared/data/{string.Join('/', parts)} not found above {AppContext.BaseDirectory}");
    }
}
