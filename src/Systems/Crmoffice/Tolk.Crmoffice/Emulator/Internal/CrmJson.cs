using System.Text.Encodings.Web;
using System.Text.Json;

namespace Tolk.Crmoffice.Emulator.Internal;

/// <summary>How Crmoffice writes JSON: camelCase, UTF-8 text as is (Norwegian letters and the <c>+</c> of an offset unescaped).</summary>
internal static class CrmJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public const string ContentType = "application/json; charset=utf-8";
}
