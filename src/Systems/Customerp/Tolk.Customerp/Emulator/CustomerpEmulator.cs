using Microsoft.AspNetCore.Routing;
using Tolk.Customerp.Emulator.Internal;
using Tolk.Emulation.Data;
using Tolk.Emulation.Hosting;
using Tolk.Emulation.Limits;

namespace Tolk.Customerp.Emulator;

/// <summary>
/// The Customerp ERP emulator: the REST/JSON contract of <c>spec/systems/customerp.md</c> with cursor pagination,
/// merge-patch updates, optimistic concurrency, soft deletes, idempotent creates, signed webhooks and a per-token rate
/// limit. Choices the spec leaves open are listed in <see cref="CustomerpAssumptions"/>.
/// </summary>
public sealed partial class CustomerpEmulator : SystemEmulator
{
    /// <summary>The demo API token (<c>Authorization: Bearer …</c>).</summary>
    public const string DemoApiToken = "cpk_demo_5f2a9c71e04b4d3a8b6e";

    /// <summary>A second token of the same tenant, with its own rate window.</summary>
    public const string SecondApiToken = "cpk_demo_b83d16f0a2c94e7715d4";

    // One lock for records, indexes and id counters: writes are short and the emulator favours exactness over throughput.
    private readonly Lock _sync = new();
    private readonly Dictionary<string, Collection> _collections = new(StringComparer.Ordinal);
    private readonly CustomerpSettings _settings = new();
    private readonly IdempotencyStore _idempotency = new();
    private readonly RateWindow _rate;
    private int _generation;
    private bool _seeding;

    /// <summary>Declares the collections and hooks the change events that drive indexes and webhooks.</summary>
    public CustomerpEmulator(EmulatorContext context) : base(context)
    {
        foreach (var schema in (CollectionSchema[])[Customers, Contacts, Employees, Projects, Products])
        {
            _collections.Add(schema.Name, new Collection(schema, Database.Add(schema.Name), new RecordIndex(schema)));
        }
        _webhooks = Database.Add("webhooks");
        _rate = new RateWindow(context.Time, _settings.RateLimit, TimeSpan.FromSeconds(_settings.RateLimitWindowSeconds));
        Database.Changed += OnChanged;
    }

    /// <inheritdoc />
    public override string Name => "customerp";

    /// <inheritdoc />
    public override string ApiPrefix => "/api/v1";

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, string> Credentials { get; } = new Dictionary<string, string>
    {
        ["api_token"] = DemoApiToken,
        ["second_api_token"] = SecondApiToken,
    };

    /// <inheritdoc />
    public override void MapApi(IEndpointRouteBuilder api)
    {
        MapCustomers(api);
        MapContacts(api);
        MapEmployees(api);
        MapProjects(api);
        MapProducts(api);
        MapWebhooks(api);
    }

    private void OnChanged(RecordChange change)
    {
        if (!_collections.TryGetValue(change.Collection, out var collection))
        {
            return;
        }
        lock (_sync)
        {
            collection.Index.Apply(change.Before, change.After);
        }
        if (!_seeding && change.After is { } after)
        {
            var deleted = change.Before?["deleted_at"] is null && after["deleted_at"] is not null;
            var action = change.Kind == ChangeKind.Created ? "created" : deleted ? "deleted" : "updated";
            Publish($"{collection.Schema.Singular}.{action}", after, change.At);
        }
    }

    private Collection? Find(string name) => _collections.GetValueOrDefault(name);

    private sealed class Collection(CollectionSchema schema, RecordTable table, RecordIndex index)
    {
        public CollectionSchema Schema { get; } = schema;

        public RecordTable Table { get; } = table;

        public RecordIndex Index { get; } = index;

        /// <summary>The last id handed out; ids are never reused, deleted records keep theirs.</summary>
        public int NextId { get; set; }
    }
}
