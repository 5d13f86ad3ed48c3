using System.Diagnostics;
using System.Net;

namespace Jianfu.Host.Bench;

/// <summary>
/// The platform as its own process on loopback, for the load benchmarks (`jianfu bench intake`, `jianfu bench ratings`):
/// started with the demo and the given settings, waited for, and driven over HTTP by connections that each send one
/// request after another, as phones and relays do.
/// </summary>
internal sealed class BenchServer : IAsyncDisposable
{
    private readonly Process _process;

    public string Url { get; }

    public HttpClient Http { get; }

    private BenchServer(Process process, string url, int concurrency)
    {
        _process = process;
        Url = url;
        Http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = new Uri(url),
            Timeout = TimeSpan.FromSeconds(60),
        };
    }

    public static async Task<BenchServer> StartAsync(string dataDir, int concurrency, IReadOnlyDictionary<string, string> settings)
    {
        var port = 20000 + Random.Shared.Next(20000);
        var url = $"http://127.0.0.1:{port}";
        // Run as `dotnet jianfu.dll bench …` the host is dotnet and needs the assembly; run through `dotnet run` or the
        // apphost (`jianfu bench …`) the process is the application itself and takes the arguments directly.
        var host = Environment.ProcessPath!;
        string[] arguments = Path.GetFileNameWithoutExtension(host) == "dotnet" ? [typeof(Program).Assembly.Location, "--urls", url] : ["--urls", url];
        var start = new ProcessStartInfo(host, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["JIANFU_DATA_DIR"] = dataDir;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        // The demo's routing model would train in the background for a minute on the same two cores: this measures intake.
        start.Environment["Jianfu__DemoRoutingModel"] = "false";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("server: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new BenchServer(process, url, concurrency);
        for (var i = 0; i < 240; i++)
        {
            try
            {
                if ((await server.Http.GetAsync("/healthz")).IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(500);
        }

        await server.DisposeAsync();
        throw new InvalidOperationException("the server did not start within 120 s");
    }

    public sealed record Load(double Seconds, List<double> Latencies, int Created, int Other)
    {
        public double Percentile(double p)
        {
            var all = Latencies.Order().ToList();
            return all[(int)Math.Ceiling(all.Count * p) - 1];
        }
    }

    /// <summary>Every connection posts one request after another for the given seconds; a 201 is counted as created, anything else as other.</summary>
    /// <param name="body">The body of connection w's n-th request.</param>
    public async Task<Load> LoadAsync(string path, int concurrency, int seconds, Func<int, int, HttpContent> body)
    {
        var deadline = Stopwatch.StartNew();
        var latencies = new List<double>[concurrency];
        var created = new int[concurrency];
        var other = new int[concurrency];
        var workers = Enumerable.Range(0, concurrency).Select(w => Task.Run(async () =>
        {
            latencies[w] = new List<double>(100_000);
            var n = 0;
            while (deadline.Elapsed.TotalSeconds < seconds)
            {
                var content = body(w, n++);
                // One body with its Content-Length (not chunked).
                await content.LoadIntoBufferAsync();
                var start = Stopwatch.GetTimestamp();
                using var response = await Http.PostAsync(path, content);
                latencies[w].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    created[w]++;
                }
                else
                {
                    other[w]++;
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);
        return new Load(deadline.Elapsed.TotalSeconds, latencies.SelectMany(l => l).ToList(), created.Sum(), other.Sum());
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
