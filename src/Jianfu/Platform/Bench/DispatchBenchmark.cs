namespace Jianfu.Platform.Bench;

internal static class DispatchBenchmark
{
    public static Task<int> RunAsync(Dictionary<string, string> options)
    {
        Console.WriteLine("bench dispatch: not yet implemented in this build.");
        return Task.FromResult(1);
    }
}
