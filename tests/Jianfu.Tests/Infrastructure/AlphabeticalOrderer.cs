using Xunit.Abstractions;
using Xunit.Sdk;

namespace Jianfu.Tests.Infrastructure;

/// <summary>For a class whose tests are steps of one story on one database (A_, B_, C_…).</summary>
public sealed class AlphabeticalOrderer : ITestCaseOrderer
{
    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases)
        where TTestCase : ITestCase =>
        testCases.OrderBy(t => t.TestMethod.Method.Name, StringComparer.Ordinal);
}
