using Microsoft.AspNetCore.Routing;
using Tolk.Crmoffice.Emulator.Internal;
using Tolk.Emulation.Hosting;
using Tolk.Emulation.Limits;

namespace Tolk.Crmoffice.Emulator;

/// <summary>
/// The Crmoffice emulator: OAuth2 client credentials, camelCase collections at the root with offset paging and
/// <c>updatedAfter</c>, changed-fields PUT, timestamps with the Oslo offset, signed webhooks and a per-client rate limit.
/// </summary>
public sealed partial class CrmofficeEmulator : SystemEmulator
{
    /// <summary>The demo OAuth client id.</summary>
    public const string DemoClientId = "tolk-demo";

    /// <summary>The demo OAuth client secret.</summary>
    public const string DemoClientSecret = "crmoffice-demo-secret";

    private const string WebhooksCollection = "webhooks";

    private readonly CrmRecords _records;
    private readonly TokenStore _tokens;
    private readonly RateWindow _rate;

    /// <summary>Declares the collections and wires change events to webhook deliveries.</summary>
    public CrmofficeEmulator(EmulatorContext context) : base(context)
    {
        foreach (var schema in CrmSchemas.All)
        {
            Database.Add(schema.Name);
        }
        Database.Add(WebhooksCollection);
        _records = new CrmRecords(Database, context.Time);
        _tokens = new TokenStore(context.Time);
        _rate = new RateWindow(context.Time, CrmofficeAssumptions.RequestsPerSecond, TimeSpan.FromSeconds(1));
        Database.Changed += OnChanged;
    }

    /// <inheritdoc />
    public override string Name => "crmoffice";

    /// <inheritdoc />
    public override string ApiPrefix => "";

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, string> Credentials { get; } = new Dictionary<string, string>
    {
        ["client_id"] = DemoClientId,
        ["client_secret"] = DemoClientSecret,
    };

    /// <inheritdoc />
    public override void MapApi(IEndpointRouteBuilder api)
    {
        MapTokenApi(api);
        MapCompaniesApi(api);
        MapContactsApi(api);
        MapActivitiesApi(api);
        MapUsersApi(api);
        MapWebhooksApi(api);
        MapOpenApiDocument(api);
    }
}
