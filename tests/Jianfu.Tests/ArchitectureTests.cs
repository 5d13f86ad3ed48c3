using System.Text.RegularExpressions;

namespace Jianfu.Tests;

/// <summary>
/// Modules talk through contracts (CONVENTIONS.md §5): a module's files name another module only through its
/// Contracts namespace, and touch only their own module's tables.
/// </summary>
public sealed partial class ArchitectureTests
{
    private static readonly Dictionary<string, string[]> Tables = new()
    {
        ["Organisation"] = ["Units", "Departments", "RoleGrants", "Users", "OrganisationHistory"],
        ["Catalogue"] = ["CatalogueVersions", "DutyItems", "AdmissionRequests", "CatalogueHistory"],
        ["Dispatch"] = ["Dispatches", "DispatchTargets", "CommunityTasks", "CoAssignees", "DispatchHistory"],
        ["Reports"] = ["ReportLocations", "BurdenReports", "ReportHistory", "MonitoringPoints", "Bulletins"],
        ["Hotline"] = ["HotlineOrders", "HotlineOrderHistory", "RoutingModels"],
        ["Cases"] = ["Cases"],
    };

    private static string ModulesDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "Jianfu", "Modules");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("src/Jianfu/Modules");
    }

    public static TheoryData<string> Modules() => [.. Tables.Keys];

    [Theory]
    [MemberData(nameof(Modules))]
    public void Module_UsesOtherModulesOnlyThroughContracts_AndOnlyItsOwnTables(string module)
    {
        var root = Path.Combine(ModulesDirectory(), module);
        Assert.True(File.Exists(Path.Combine(root, $"{module}Module.cs")), $"{module}Module.cs is missing");
        var violations = new List<string>();
        foreach (var file in Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories).Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            foreach (Match m in ModuleReference().Matches(text))
            {
                if (m.Groups[1].Value != module && m.Groups[2].Value != "Contracts")
                {
                    violations.Add($"{Path.GetRelativePath(root, file)}: {m.Value}");
                }
            }

            foreach (var (owner, tables) in Tables.Where(t => t.Key != module))
            {
                foreach (var table in tables.Where(t => Regex.IsMatch(text, $@"\b[dD]b\.{t}\b")))
                {
                    violations.Add($"{Path.GetRelativePath(root, file)}: reads {owner}'s table {table}");
                }
            }
        }

        Assert.Empty(violations);
    }

    [GeneratedRegex(@"Jianfu\.Modules\.(\w+)\.(\w+)")]
    private static partial Regex ModuleReference();
}
