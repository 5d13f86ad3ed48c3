using System.Text.RegularExpressions;

namespace Jianfu.Tests;

/// <summary>
/// The dependency rule of docs/architecture.md, over the whole application:
/// - a module names another module only through its Contracts, and touches only the tables its own Data folder declares;
/// - Platform (the plumbing modules use) names no module and not the host;
/// - the host (composition: startup, command line, benchmarks, the page shell) calls modules through their entry
///   points and use cases, never their Domain, Data or Pages, and touches no table itself;
/// - a page is a form over use cases: no .razor file reaches the database.
/// </summary>
public sealed partial class ArchitectureTests
{
    private static readonly string[] Internals = ["Domain", "Data", "Pages"];

    private static string SourceDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "Jianfu");
            if (Directory.Exists(Path.Combine(candidate, "Modules")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("src/Jianfu");
    }

    private static IEnumerable<string> CodeFiles(string root) =>
        Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    /// <summary>
    /// Each module's tables: the DbSets its Data/*Tables.cs part of the context declares, and for Organisation the
    /// accounts, which come with the Identity base class its part declares.
    /// </summary>
    private static Dictionary<string, string[]> Tables() =>
        Directory.EnumerateDirectories(Path.Combine(SourceDirectory(), "Modules")).ToDictionary(
            m => Path.GetFileName(m),
            m => (Directory.Exists(Path.Combine(m, "Data"))
                    ? Directory.EnumerateFiles(Path.Combine(m, "Data"), "*Tables.cs").SelectMany(f => DbSet().Matches(File.ReadAllText(f)).Select(x => x.Groups[1].Value))
                    : [])
                .Concat(Path.GetFileName(m) == "Organisation" ? ["Users"] : [])
                .ToArray());

    public static TheoryData<string> Modules() => [.. Directory.EnumerateDirectories(Path.Combine(SourceDirectory(), "Modules")).Select(d => Path.GetFileName(d)).Order()];

    [Theory]
    [MemberData(nameof(Modules))]
    public void Module_UsesOtherModulesOnlyThroughContracts_AndOnlyItsOwnTables(string module)
    {
        var root = Path.Combine(SourceDirectory(), "Modules", module);
        Assert.True(File.Exists(Path.Combine(root, $"{module}Module.cs")), $"{module}Module.cs is missing");
        Assert.True(File.Exists(Path.Combine(root, "README.md")), $"{module}/README.md is missing");
        var violations = new List<string>();
        foreach (var file in CodeFiles(root))
        {
            var text = File.ReadAllText(file);
            var name = Path.GetRelativePath(root, file);
            violations.AddRange(ModuleReference().Matches(text).Where(m => m.Groups[1].Value != module && m.Groups[2].Value != "Contracts").Select(m => $"{name}: {m.Value}"));
            violations.AddRange(HostReference().Matches(text).Select(m => $"{name}: {m.Value}"));
            violations.AddRange(TablesTouched(text).Where(t => t.Owner != module).Select(t => $"{name}: reads {t.Owner}'s table {t.Table}"));
        }

        Assert.Empty(violations);
    }

    [Fact]
    public void EveryTable_BelongsToOneModule()
    {
        var tables = Tables().SelectMany(t => t.Value).ToList();
        Assert.Contains("Dispatches", tables);
        Assert.Equal(tables.Count, tables.Distinct().Count());
    }

    [Fact]
    public void Platform_NamesNoModule_AndNotTheHost()
    {
        var root = Path.Combine(SourceDirectory(), "Platform");
        var violations = CodeFiles(root)
            .SelectMany(f => ModuleReference().Matches(File.ReadAllText(f)).Cast<Match>().Concat(HostReference().Matches(File.ReadAllText(f)))
                .Select(m => $"{Path.GetRelativePath(root, f)}: {m.Value}"))
            .ToList();
        Assert.Empty(violations);
    }

    [Fact]
    public void Host_CallsModulesThroughTheirEntryPoints_NeverTheirInternals()
    {
        var source = SourceDirectory();
        var files = CodeFiles(Path.Combine(source, "Host")).Append(Path.Combine(source, "Program.cs")).Append(Path.Combine(source, "_Imports.razor"));
        var violations = new List<string>();
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            var name = Path.GetRelativePath(source, file);
            violations.AddRange(ModuleReference().Matches(text).Where(m => Internals.Contains(m.Groups[2].Value)).Select(m => $"{name}: {m.Value}"));
            violations.AddRange(TablesTouched(text).Select(t => $"{name}: reads {t.Owner}'s table {t.Table}"));
        }

        Assert.Empty(violations);
    }

    [Fact]
    public void Pages_AreFormsOverUseCases_WithoutTheDatabase()
    {
        var source = SourceDirectory();
        var violations = Directory.EnumerateFiles(source, "*.razor", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains("JianfuDbContext", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(source, f))
            .ToList();
        Assert.Empty(violations);
    }

    private static IEnumerable<(string Owner, string Table)> TablesTouched(string text) =>
        Tables().SelectMany(t => t.Value.Where(table => Regex.IsMatch(text, $@"\b[dD]b\.{table}\b")).Select(table => (t.Key, table)));

    [GeneratedRegex(@"Jianfu\.Modules\.(\w+)\.(\w+)")]
    private static partial Regex ModuleReference();

    [GeneratedRegex(@"Jianfu\.Host\b")]
    private static partial Regex HostReference();

    [GeneratedRegex(@"DbSet<[\w.]+>\s+(\w+)\s*=>")]
    private static partial Regex DbSet();
}
