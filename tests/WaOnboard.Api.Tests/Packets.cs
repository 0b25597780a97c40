namespace WaOnboard.Api.Tests;

/// <summary>Packets written in the tests: examples/engage-digital's, as JSON, with the fields a test varies.</summary>
internal static class Packets
{
    public static string EngageDigital(string businessId = "104857600000042", string verifiedName = "Acme Bank", string number = "+33 6 12 34 56 78") => $$"""
        {
          "schemaVersion": 1,
          "provider": "engage-digital",
          "business": { "facebookBusinessId": "{{businessId}}", "verifiedName": "{{verifiedName}}" },
          "phone": { "number": "{{number}}", "canReceive": ["sms", "voice"], "usedOnWhatsAppBefore": false },
          "hsm": [
            {
              "namespace": "c8ae5f90_307a_ca4c_b8f6_d1e2a2573574",
              "elementName": "reply_reminder",
              "approved": true,
              "translations": [
                { "language": "en", "body": "Hi, you contacted us more than 24 hours ago. Please send us a message to receive our answer." }
              ]
            }
          ],
          "profile": {
            "businessName": "{{verifiedName}}",
            "about": "Banking made simple",
            "description": "Acme Bank helps families save and borrow.",
            "address": "1 rue de la Paix, 75002 Paris, France",
            "email": "support@acme-bank.example",
            "vertical": "FINANCE",
            "websites": ["https://www.acme-bank.example"],
            "avatar": "avatar.png"
          },
          "lineOfCredit": { "approved": true }
        }
        """;

    /// <summary>examples/8x8 (no Business ID) with another number and verified name, as a form with its avatar.</summary>
    public static MultipartFormDataContent EightByEight(string number, string verifiedName = "Acme Bank UK")
    {
        var yaml = File.ReadAllText(Repo.PathOf("examples/8x8/packet.yaml"))
            .Replace("\"+44 7400 123456\"", $"\"{number}\"", StringComparison.Ordinal)
            .Replace("\"Acme Bank UK\"", $"\"{verifiedName}\"", StringComparison.Ordinal);
        var form = new MultipartFormDataContent { { new StringContent(yaml, System.Text.Encoding.UTF8, "application/yaml"), "packet", "packet.yaml" } };
        var image = new ByteArrayContent(File.ReadAllBytes(Repo.PathOf("examples/8x8/avatar.png")));
        image.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
        form.Add(image, "avatar", "avatar.png");
        return form;
    }
}
