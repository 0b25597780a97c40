using WaOnboard.Repository;

namespace WaOnboard.Tests.Reports;

public class GlobTests
{
    [Theory]
    [InlineData("hsm[*].translations[*].body", "hsm[0].translations[12].body", true)]
    [InlineData("hsm[*].translations[*].body", "hsm[0].translations[1].header", false)]
    [InlineData("hsm[*].translations[*].body", "hsm.translations.body", false)]
    [InlineData("profile.*", "profile.about", true)]
    [InlineData("profile.*", "profile.websites[0]", false)]
    [InlineData("profile.**", "profile.websites[0]", true)]
    [InlineData("business.verifiedName", "business.verifiedName", true)]
    [InlineData("business.verifiedName", "business.verifiedNameX", false)]
    [InlineData("*", "", true)]
    public void PacketPathGlobs(string pattern, string path, bool matches) =>
        Assert.Equal(matches, Glob.ForPacketPaths(pattern).IsMatch(path));

    [Theory]
    [InlineData("examples/many-*", "examples/many-mistakes", true)]
    [InlineData("examples/*", "examples/a/b", false)]
    [InlineData("**/archive/**", "teams/archive/old", true)]
    [InlineData("**/archive/**", "archive/old", true)]
    [InlineData("**/archive/**", "teams/archived/old", false)]
    [InlineData("./teams/**", "teams/a/packet.yaml", true)]
    [InlineData("teams/?", "teams/a", true)]
    [InlineData("teams/?", "teams/ab", false)]
    [InlineData("a.b", "axb", false)]
    public void FileGlobs(string pattern, string path, bool matches) =>
        Assert.Equal(matches, Glob.ForFiles(pattern).IsMatch(path));
}
