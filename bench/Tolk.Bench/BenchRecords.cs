using System.Text.Json.Nodes;
using Tolk.Hub;

namespace Tolk.Bench;

/// <summary>Records shaped like an Asana task with a long description: about 1 KB of canonical JSON each.</summary>
internal static class BenchRecords
{
    private static readonly string[] Words =
        ["sync", "project", "customer", "invoice", "deadline", "review", "Blåbær", "møte", "design", "release", "budget", "draft"];

    public static List<HubRecord[]> Batches(int count, int batchSize, int revision)
    {
        var random = new Random(42);
        var records = Enumerable.Range(0, count).Select(i => Task(i, revision, random)).ToList();
        return records.Chunk(batchSize).ToList();
    }

    private static HubRecord Task(int i, int revision, Random random)
    {
        var notes = string.Join(' ', Enumerable.Range(0, 110).Select(_ => Words[random.Next(Words.Length)]));
        return HubRecord.FromProperties($"1200{i:D10}", new JsonObject
        {
            ["name"] = $"Task {i} revision {revision}",
            ["notes"] = notes,
            ["completed"] = i % 7 == 0,
            ["due_on"] = $"2026-{1 + i % 12:D2}-{1 + i % 28:D2}",
            ["assignee"] = $"9000{i % 500:D8}",
            ["projects"] = new JsonArray($"5000{i % 40:D8}"),
            ["modified_at"] = "2026-03-02T08:00:00.000Z",
            ["custom_fields"] = new JsonObject { ["priority"] = "high", ["estimate"] = i % 13 },
        }, DateTimeOffset.UnixEpoch.AddSeconds(i));
    }
}
