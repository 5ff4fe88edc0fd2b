using Microsoft.AspNetCore.Routing;
using Tolk.Custompms.Emulator.Internal;
using Tolk.Custompms.Emulator.Internal.Dto;
using Tolk.Emulation.Data;
using Tolk.Emulation.Hosting;
using Tolk.Emulation.Limits;

namespace Tolk.Custompms.Emulator;

/// <summary>
/// The Custompms project management emulator: the contract of <c>spec/systems/custompms.md</c> with page-number lists,
/// full-replacement PUT, hard deletes, idempotent creates, a sequence-numbered change log instead of webhooks, and a
/// per-key rate limit. Choices the spec leaves open are listed in <see cref="CustompmsAssumptions"/>.
/// </summary>
public sealed partial class CustompmsEmulator : SystemEmulator
{
    /// <summary>The demo API key (<c>X-Api-Key</c>).</summary>
    public const string DemoApiKey = "cpms_demo_4e8b21c7d9f04a6b";

    /// <summary>A second key of the same account, with its own rate window.</summary>
    public const string SecondApiKey = "cpms_demo_0a7f3e95b2c84d11";

    // One lock for every write, so reference and key checks and the write they guard are atomic.
    private readonly Lock _sync = new();
    private readonly Dictionary<string, Collection> _collections = new(StringComparer.Ordinal);
    private readonly CustompmsSettings _settings = new();
    private readonly ChangeLog _changes = new();
    private readonly IdempotencyStore _idempotency = new();
    private readonly RateWindow _rate;
    private int _idSeed;
    private int _nextKey = 1;
    private bool _seeding;

    /// <summary>Declares the collections and follows the database's changes into the change log.</summary>
    public CustompmsEmulator(EmulatorContext context) : base(context)
    {
        foreach (var schema in (CollectionSchema[])[Customers, Projects, Tasks])
        {
            _collections.Add(schema.Name, new Collection(schema, Database.Add(schema.Name)));
        }
        _rate = new RateWindow(context.Time, _settings.RateLimitPerSecond, TimeSpan.FromSeconds(1));
        _idSeed = context.Sample.Seed;
        Database.Changed += OnChanged;
    }

    /// <inheritdoc />
    public override string Name => "custompms";

    /// <inheritdoc />
    public override string ApiPrefix => "/api";

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, string> Credentials { get; } = new Dictionary<string, string>
    {
        ["apiKey"] = DemoApiKey,
        ["secondApiKey"] = SecondApiKey,
    };

    /// <inheritdoc />
    public override void MapApi(IEndpointRouteBuilder api)
    {
        MapCollection<Customer, CustomerInput>(api, Customers);
        MapCollection<Project, ProjectInput>(api, Projects);
        MapCollection<ProjectTask, TaskInput>(api, Tasks);
        MapChanges(api);
    }

    private Collection? Find(string name) => _collections.GetValueOrDefault(name);

    private DateTimeOffset Now() => Rfc3339.Truncate(Context.Time.GetUtcNow());

    private sealed class Collection(CollectionSchema schema, RecordTable table)
    {
        public CollectionSchema Schema { get; } = schema;

        public RecordTable Table { get; } = table;

        /// <summary>The list order, maintained from the database's changes.</summary>
        public ListOrder Order { get; } = new();

        /// <summary>How many ids this collection has handed out; the next id is made from this number.</summary>
        public long Issued { get; set; }
    }
}
