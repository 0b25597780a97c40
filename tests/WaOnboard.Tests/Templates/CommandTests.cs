using System.CommandLine;
using WaOnboard.Cli;

namespace WaOnboard.Tests.Templates;

/// <summary>The checklist and snippet commands, through System.CommandLine, by exit code and written file.</summary>
public class CommandTests
{
    private static int Run(params string[] args)
    {
        var root = new RootCommand
        {
            ChecklistCommand.Create(),
            SnippetCommand.Create(),
        };
        return root.Parse(args).Invoke();
    }

    private static string Packet(string profile) => Path.Combine(TestPackets.Folder(), "Packets", profile + ".yaml");

    [Fact]
    public void SnippetWithANumberThatIsNotValidExitsWithTwo() =>
        Assert.Equal(2, Run("snippet", "button", "--phone", "12345"));

    [Fact]
    public void SnippetWithBothPacketAndPhoneExitsWithTwo() =>
        Assert.Equal(2, Run("snippet", "button", "--phone", "+33 1 42 00 00 00", "--packet", Packet("8x8")));

    [Fact]
    public void QrWithAPngFileNameWritesAPng()
    {
        var file = Path.Combine(Path.GetTempPath(), $"wa-onboard-{Guid.NewGuid():N}.png");
        try
        {
            Assert.Equal(0, Run("snippet", "qr", "--packet", Packet("engage-digital"), "--out", file));
            Assert.Equal(0x89, File.ReadAllBytes(file)[0]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void ChecklistEmlWritesACompleteMessage()
    {
        var file = Path.Combine(Path.GetTempPath(), $"wa-onboard-{Guid.NewGuid():N}.eml");
        try
        {
            Assert.Equal(0, Run("checklist", Packet("8x8"), "--lang", "fr", "--format", "eml", "--out", file));
            var mail = MailParts.Decode(File.ReadAllText(file));
            Assert.Contains("Les sessions ne sont pas comptées", mail.Text, StringComparison.Ordinal);
            Assert.Contains("Frais de transaction 8x8", mail.Text, StringComparison.Ordinal);
            Html.ParseDocument(mail.Html);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void ChecklistOfAPacketThatDoesNotExistExitsWithTwo() =>
        Assert.Equal(2, Run("checklist", Path.Combine(TestPackets.Folder(), "Packets", "absent.yaml")));
}
