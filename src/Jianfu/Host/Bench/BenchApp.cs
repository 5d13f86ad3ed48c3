namespace Jianfu.Host.Bench;

internal static class BenchApp
{
    /// <summary>The application's services on a fresh SQLite file in <paramref name="dataDir"/>, without demo data or web server.</summary>
    public static WebApplication Create(string dataDir)
    {
        var builder = JianfuHost.CreateBuilder([]);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration["JIANFU_DATA_DIR"] = dataDir;
        builder.Configuration["Jianfu:Demo"] = "false";
        builder.AddJianfu();
        return builder.Build();
    }
}
