using System.Text;
using Tolk.Connectors.Webhooks;

namespace Tolk.Connectors.Tests;

public sealed class SignaturesTests
{
    [Fact]
    public void hmac_sha256_hex_matches_a_known_vector()
    {
        // RFC 4231 test case 2.
        var sig = Signatures.HmacSha256Hex("Jefe", Encoding.UTF8.GetBytes("what do ya want for nothing?"));
        Assert.Equal("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", sig);
    }

    [Fact]
    public void hmac_sha1_base64_matches_a_known_vector()
    {
        // RFC 2202 test case 2, as base64.
        var sig = Signatures.HmacSha1Base64("Jefe", Encoding.UTF8.GetBytes("what do ya want for nothing?"));
        Assert.Equal(Convert.ToBase64String(Convert.FromHexString("effcdf6ae5eb2fa2d27416d5f184df9c259a7c79")), sig);
    }

    [Theory]
    [InlineData("abc", "abc", true)]
    [InlineData("abc", "abd", false)]
    [InlineData("abc", "ab", false)]
    [InlineData("abc", null, false)]
    public void signatures_compare_exactly(string expected, string? actual, bool same) =>
        Assert.Equal(same, Signatures.SameSignature(expected, actual));
}
