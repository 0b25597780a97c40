using System.Text.Json;
using System.Xml.Linq;
using WaOnboard.Tests.Cli;

namespace WaOnboard.Tests.Reports;

/// <summary>The JUnit XML, parsed back with System.Xml: a suite per packet, a case per rule that ran, failures for errors.</summary>
public class JUnitReportTests
{
    [Fact]
    public void OneSuitePerPacketAndACasePerRuleThatRan()
    {
        var (exit, xml, _) = CliRunner.Run("validate", "examples/engage-digital", "examples/8x8", "--format", "junit");
        Assert.Equal(0, exit);
        var document = XDocument.Parse(xml);
        var suites = document.Root!.Elements("testsuite").ToList();
        Assert.Equal(["examples/engage-digital", "examples/8x8"], suites.Select(s => (string)s.Attribute("name")!));
        foreach (var (suite, profile) in suites.Zip(new[] { "engage-digital", "8x8" }))
        {
            var cases = suite.Elements("testcase").Select(c => ((string)c.Attribute("name")!).Split(':')[0]).ToList();
            Assert.Superset(WaOnboard.Rules.RuleSet.BuiltIn.RulesFor(profile).Select(r => r.Id).ToHashSet(), cases.ToHashSet());
            Assert.Equal(cases.Count, (int)suite.Attribute("tests")!);
            Assert.Equal(0, (int)suite.Attribute("failures")!);
        }
        Assert.Equal(suites.Sum(s => (int)s.Attribute("tests")!), (int)document.Root.Attribute("tests")!);
    }

    [Fact]
    public void ErrorsAreFailuresAndWarningsAreOutput()
    {
        var (exit, xml, _) = CliRunner.Run("validate", "examples/many-mistakes", "--format", "junit");
        var (_, json, _) = CliRunner.Run("validate", "examples/many-mistakes", "--format", "json");
        Assert.Equal(1, exit);
        using var report = JsonDocument.Parse(json);
        var findings = report.RootElement.GetProperty("findings").EnumerateArray().ToList();
        var errorRules = findings.Where(f => f.GetProperty("severity").GetString() == "error").Select(f => f.GetProperty("ruleId").GetString()!).ToHashSet();
        var warningRules = findings.Where(f => f.GetProperty("severity").GetString() == "warning").Select(f => f.GetProperty("ruleId").GetString()!).ToHashSet();

        var suite = XDocument.Parse(xml).Root!.Element("testsuite")!;
        var failed = suite.Elements("testcase").Where(c => c.Element("failure") is not null).Select(c => (string)c.Element("failure")!.Attribute("type")!).ToHashSet();
        var withOutput = suite.Elements("testcase").Where(c => c.Element("system-out") is not null).Select(c => ((string)c.Attribute("name")!).Split(':')[0]).ToHashSet();
        Assert.Equal(errorRules, failed);
        Assert.Equal(warningRules, withOutput);
        Assert.Equal(errorRules.Count, (int)suite.Attribute("failures")!);
        var business = suite.Elements("testcase").Single(c => ((string)c.Attribute("name")!).StartsWith("business-id-format:", StringComparison.Ordinal));
        Assert.Contains("examples/many-mistakes/packet.yaml:5:23 business.facebookBusinessId: The Business ID '12345' is not a number of 15 or 16 digits.",
            business.Element("failure")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void WithFailSeverityWarningWarningsAreFailuresToo()
    {
        var (_, xml, _) = CliRunner.Run("validate", "examples/many-mistakes", "--format", "junit", "--fail-severity", "warning");
        var suite = XDocument.Parse(xml).Root!.Element("testsuite")!;
        var unknownField = suite.Elements("testcase").Single(c => ((string)c.Attribute("name")!).StartsWith("unknown-field:", StringComparison.Ordinal));
        Assert.NotNull(unknownField.Element("failure"));
    }

    [Fact]
    public void ControlCharactersInAValueStillGiveWellFormedXml()
    {
        using var repository = new TempRepository();
        var folder = repository.CopyExample("many-mistakes", "p");
        var file = Path.Combine(folder, "packet.yaml");
        File.WriteAllText(file, File.ReadAllText(file).Replace("facebookBusinessId: \"12345\"", "facebookBusinessId: \"12\\u0001\\u001b45 😀\"", StringComparison.Ordinal));
        var (_, xml, _) = repository.Run("validate", "p", "--format", "junit");
        var document = XDocument.Parse(xml);
        Assert.Contains("\uFFFD", document.ToString(), StringComparison.Ordinal);
        Assert.Contains("😀", document.ToString(), StringComparison.Ordinal);
    }
}
