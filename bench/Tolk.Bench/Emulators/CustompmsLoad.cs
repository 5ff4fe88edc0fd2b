using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Tolk.Bench.Emulators;

/// <summary>Custompms's load over its REST API (no connector yet): page/perPage listings and full-record PUTs of customers.</summary>
internal sealed class CustompmsLoad(HttpClient http) : SystemLoad("custompms", "customers", "id", "phone")
{
    private const int PerPage = 200;
    private static readonly string[] Collections = ["customers", "projects", "tasks"];

    public override async Task<int> ReadAllAsync(CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var collection in Collections)
        {
            for (var page = 1; ; page++)
            {
                var items = await http.GetFromJsonAsync<JsonArray>($"{collection}?page={page}&perPage={PerPage}", cancellationToken)
                    ?? throw new InvalidOperationException($"custompms {collection}: empty answer");
                count += items.Count;
                if (items.Count < PerPage)
                {
                    break;
                }
            }
        }
        return count;
    }

    public override async Task UpdateAsync(string id, string text, CancellationToken cancellationToken)
    {
        var record = await http.GetFromJsonAsync<JsonObject>($"customers/{id}", cancellationToken)
            ?? throw new InvalidOperationException($"custompms customer {id}: empty answer");
        foreach (var serverField in new[] { "id", "createdAt", "modifiedAt" })
        {
            record.Remove(serverField);
        }
        record[EditField] = text;
        using var response = await http.PutAsJsonAsync($"customers/{id}", record, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"custompms PUT customers/{id} → {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }
}
