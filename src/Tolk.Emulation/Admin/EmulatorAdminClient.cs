using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tolk.Emulation.Faults;
using Tolk.Emulation.Webhooks;

namespace Tolk.Emulation.Admin;

/// <summary>A typed client for an emulator's <c>/_emulator/</c> channel, for tests and the demo.</summary>
public sealed class EmulatorAdminClient(HttpClient http)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Back to freshly seeded data (optionally another seed or size, or empty), no faults, an empty call log.</summary>
    public async Task ResetAsync(ResetRequest? request = null, CancellationToken ct = default) =>
        await EnsureAsync(await http.PostAsJsonAsync("reset", request ?? new ResetRequest(), Json, ct), ct);

    /// <summary>Every record of a collection, as stored.</summary>
    public async Task<IReadOnlyList<JsonObject>> ListAsync(string collection, CancellationToken ct = default) =>
        await ReadAsync<List<JsonObject>>(await http.GetAsync($"records/{Uri.EscapeDataString(collection)}", ct), ct);

    /// <summary>One record as stored, or null.</summary>
    public async Task<JsonObject?> GetAsync(string collection, string id, CancellationToken ct = default)
    {
        using var response = await http.GetAsync($"records/{Uri.EscapeDataString(collection)}/{Uri.EscapeDataString(id)}", ct);
        return response.StatusCode == System.Net.HttpStatusCode.NotFound ? null : await ReadAsync<JsonObject>(response, ct);
    }

    /// <summary>Creates a record as a person would.</summary>
    public async Task<JsonObject> CreateAsync(string collection, JsonObject fields, CancellationToken ct = default) =>
        await ReadAsync<JsonObject>(await http.PostAsJsonAsync($"records/{Uri.EscapeDataString(collection)}", fields, Json, ct), ct);

    /// <summary>Edits a record as a person would.</summary>
    public async Task<JsonObject> EditAsync(string collection, string id, JsonObject patch, CancellationToken ct = default) =>
        await ReadAsync<JsonObject>(await http.PatchAsJsonAsync($"records/{Uri.EscapeDataString(collection)}/{Uri.EscapeDataString(id)}", patch, Json, ct), ct);

    /// <summary>Deletes a record as a person would.</summary>
    public async Task DeleteAsync(string collection, string id, CancellationToken ct = default) =>
        await EnsureAsync(await http.DeleteAsync($"records/{Uri.EscapeDataString(collection)}/{Uri.EscapeDataString(id)}", ct), ct);

    /// <summary>The call log after <paramref name="since"/>, with the total count.</summary>
    public async Task<CallLogPage> CallsAsync(long since = 0, CancellationToken ct = default) =>
        await ReadAsync<CallLogPage>(await http.GetAsync($"calls?since={since}", ct), ct);

    /// <summary>How many API calls the emulator has received since the log was last cleared.</summary>
    public async Task<long> CallCountAsync(CancellationToken ct = default) => (await CallsAsync(long.MaxValue, ct)).Total;

    /// <summary>Empties the call log.</summary>
    public async Task ClearCallsAsync(CancellationToken ct = default) => await EnsureAsync(await http.DeleteAsync("calls", ct), ct);

    /// <summary>Adds a fault rule and returns it with its id.</summary>
    public async Task<FaultRule> AddFaultAsync(FaultRule rule, CancellationToken ct = default) =>
        await ReadAsync<FaultRule>(await http.PostAsJsonAsync("faults", rule, Json, ct), ct);

    /// <summary>Removes every fault rule.</summary>
    public async Task ClearFaultsAsync(CancellationToken ct = default) => await EnsureAsync(await http.DeleteAsync("faults", ct), ct);

    /// <summary>The emulator's settings.</summary>
    public async Task<JsonObject> SettingsAsync(CancellationToken ct = default) =>
        await ReadAsync<JsonObject>(await http.GetAsync("settings", ct), ct);

    /// <summary>Changes settings (rate limits, switches) and returns them all.</summary>
    public async Task<JsonObject> SetSettingsAsync(JsonObject settings, CancellationToken ct = default) =>
        await ReadAsync<JsonObject>(await http.PutAsJsonAsync("settings", settings, Json, ct), ct);

    /// <summary>Expires every sync token, cursor and change-log position.</summary>
    public async Task ExpireChangeTokensAsync(CancellationToken ct = default) =>
        await EnsureAsync(await http.PostAsync("expire", null, ct), ct);

    /// <summary>The latest webhook delivery attempts.</summary>
    public async Task<IReadOnlyList<WebhookAttempt>> WebhookAttemptsAsync(CancellationToken ct = default) =>
        await ReadAsync<List<WebhookAttempt>>(await http.GetAsync("webhooks/attempts", ct), ct);

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken ct)
    {
        using (response)
        {
            await EnsureAsync(response, ct, dispose: false);
            return await response.Content.ReadFromJsonAsync<T>(Json, ct)
                ?? throw new InvalidOperationException($"admin channel answered {response.RequestMessage?.RequestUri} with an empty body");
        }
    }

    private static async Task EnsureAsync(HttpResponseMessage response, CancellationToken ct, bool dispose = true)
    {
        try
        {
            if (!response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadAsStringAsync(ct);
                throw new InvalidOperationException(
                    $"admin channel: {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} → {(int)response.StatusCode}: {body}");
            }
        }
        finally
        {
            if (dispose)
            {
                response.Dispose();
            }
        }
    }
}
