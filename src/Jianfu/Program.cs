using Jianfu.Host;

if (CommandLine.IsCommand(args))
{
    return await CommandLine.RunAsync(args);
}

var noDemo = args.Contains("--no-demo");
var builder = JianfuHost.CreateBuilder(args.Where(a => a != "--no-demo").ToArray());
if (noDemo)
{
    builder.Configuration["Jianfu:Demo"] = "false";
}

builder.AddJianfu();
var app = builder.Build();
app.UseJianfu();
app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
