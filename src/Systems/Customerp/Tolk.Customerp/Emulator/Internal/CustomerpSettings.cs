using System.Text.Json;
using System.Text.Json.Nodes;
using A = Tolk.Customerp.Emulator.CustomerpAssumptions;

namespace Tolk.Customerp.Emulator.Internal;

/// <summary>The emulator's adjustable settings, by their admin-channel keys; defaults from <see cref="A"/>.</summary>
internal sealed class CustomerpSettings
{
    private static readonly (string Key, int Min, int Max)[] Numbers =
    [
        ("rateLimit", 1, 1_000_000), ("rateLimitWindowSeconds", 1, 86_400), ("cursorLifetimeSeconds", 1, 604_800),
        ("idempotencyWindowHours", 1, 720), ("webhookMaxAttempts", 1, 50), ("webhookFirstRetrySeconds", 1, 86_400),
        ("webhookTimeoutSeconds", 1, 300),
    ];

    private readonly Dictionary<string, int> _numbers = [];

    public CustomerpSettings() => Reset();

    public int RateLimit => _numbers["rateLimit"];

    public int RateLimitWindowSeconds => _numbers["rateLimitWindowSeconds"];

    public int CursorLifetimeSeconds => _numbers["cursorLifetimeSeconds"];

    public int IdempotencyWindowHours => _numbers["idempotencyWindowHours"];

    public int WebhookMaxAttempts => _numbers["webhookMaxAttempts"];

    public int WebhookFirstRetrySeconds => _numbers["webhookFirstRetrySeconds"];

    public int WebhookTimeoutSeconds => _numbers["webhookTimeoutSeconds"];

    /// <summary>Whether registering a webhook needs the receiver to answer the signed ping.</summary>
    public bool WebhookVerify { get; private set; }

    public void Reset()
    {
        int[] defaults = [A.RateLimit, A.RateLimitWindowSeconds, A.CursorLifetimeSeconds, A.IdempotencyWindowHours,
            A.WebhookMaxAttempts, A.WebhookFirstRetrySeconds, A.WebhookTimeoutSeconds];
        for (var i = 0; i < Numbers.Length; i++)
        {
            _numbers[Numbers[i].Key] = defaults[i];
        }
        WebhookVerify = true;
    }

    public JsonObject ToJson()
    {
        var json = new JsonObject();
        foreach (var (key, _, _) in Numbers)
        {
            json[key] = _numbers[key];
        }
        json["webhookVerify"] = WebhookVerify;
        return json;
    }

    /// <summary>Checks every setting before applying any, so a refused request changes nothing.</summary>
    public string? Apply(JsonObject settings)
    {
        var numbers = new Dictionary<string, int>();
        bool? verify = null;
        foreach (var (key, node) in settings)
        {
            var kind = node?.GetValueKind();
            if (key == "webhookVerify")
            {
                if (kind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    return "webhookVerify: must be true or false";
                }
                verify = kind == JsonValueKind.True;
                continue;
            }
            var spec = Numbers.FirstOrDefault(n => n.Key == key);
            if (spec.Key is null)
            {
                return $"{key}: customerp has no such setting (it has {string.Join(", ", Numbers.Select(n => n.Key))}, webhookVerify)";
            }
            if (kind != JsonValueKind.Number || !node!.AsValue().TryGetValue<int>(out var value) || value < spec.Min || value > spec.Max)
            {
                return $"{key}: must be an integer from {spec.Min} to {spec.Max}";
            }
            numbers[key] = value;
        }
        foreach (var (key, value) in numbers)
        {
            _numbers[key] = value;
        }
        WebhookVerify = verify ?? WebhookVerify;
        return null;
    }
}
