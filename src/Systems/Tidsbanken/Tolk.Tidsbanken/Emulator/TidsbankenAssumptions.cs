namespace Tolk.Tidsbanken.Emulator;

/// <summary>
/// Every choice the emulator makes where Tidsbanken's API reference is not public (the spec marks them "assumed"), in
/// one place so each is easy to correct against the real service. Facts from public material are noted as such.
/// </summary>
internal static class TidsbankenAssumptions
{
    // ---- Authentication (public: three headers on every request; the gateway is Azure API Management) ----

    /// <summary>The only API version served. Public fact: clients send <c>x-api-version: 3.0</c>.</summary>
    public const string ApiVersion = "3.0";

    /// <summary>Assumed: a missing <c>x-api-version</c> is refused with 400 as ASP.NET API Versioning does.</summary>
    public const string ApiVersionUnspecifiedCode = "ApiVersionUnspecified";

    /// <summary>Assumed: any value other than exactly "3.0" is refused with 400 as ASP.NET API Versioning does.</summary>
    public const string UnsupportedApiVersionCode = "UnsupportedApiVersion";

    /// <summary>ASP.NET API Versioning's wording for a request without a version.</summary>
    public const string ApiVersionUnspecifiedMessage = "An API version is required, but was not specified.";

    /// <summary>ASP.NET API Versioning's wording for a version the resource does not serve.</summary>
    public static string UnsupportedApiVersionMessage(string url, string version) =>
        $"The HTTP resource that matches the request URI '{url}' does not support the API version '{version}'.";

    /// <summary>Azure API Management's own wording (public) for a request without a subscription key.</summary>
    public const string MissingSubscriptionKey =
        "Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API.";

    /// <summary>Azure API Management's own wording (public) for an unknown subscription key.</summary>
    public const string InvalidSubscriptionKey =
        "Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription.";

    /// <summary>Assumed: a missing <c>tb-key</c> gets the gateway's 401 shape with this message.</summary>
    public const string MissingTbKey = "Access denied due to missing tb-key. Make sure to include the tb-key header of your Tidsbanken database.";

    /// <summary>Assumed: an unknown <c>tb-key</c> gets the gateway's 401 shape with this message.</summary>
    public const string InvalidTbKey = "Access denied due to invalid tb-key. Make sure to provide the API key of an active Tidsbanken database.";

    /// <summary>Azure API Management (public) also takes the subscription key from this query parameter.</summary>
    public const string SubscriptionKeyQueryParameter = "subscription-key";

    // ---- Rate limit (assumed: an API Management rate-limit policy per subscription key) ----

    /// <summary>Requests allowed per window per subscription key; setting <c>rateLimit</c>.</summary>
    public const int RateLimitPerWindow = 5;

    /// <summary>The window's length; setting <c>rateLimitWindowSeconds</c>.</summary>
    public const int RateLimitWindowSeconds = 1;

    /// <summary>API Management's rate-limit message (the spec's wording); N is the whole seconds until the window resets, at least 1.</summary>
    public static string RateLimitMessage(int seconds) => $"Rate limit is exceeded. Try again in {seconds} seconds.";

    /// <summary>Assumed: API Management's answer for a path no operation matches.</summary>
    public const string ResourceNotFound = "Resource not found";

    /// <summary>
    /// Assumed: statuses the gateway produces itself are answered in its shape <c>{"statusCode","message"}</c> with
    /// <c>application/json</c>; every other status comes from the OData service as <c>{"error":{"code","message"}}</c>.
    /// </summary>
    public static bool IsGatewayStatus(int status) => status is 401 or 403 or 429 or 502 or 503 or 504;

    // ---- The skew switch (public: the Sesam connector adds one hour to SistEndretDato of Kunde and Prosjekt) ----

    /// <summary>
    /// How far the reported (and filtered) <c>SistEndretDato</c> of Kunde and Prosjekt is from the true change time:
    /// one hour EARLIER. Why this direction: the public connector computes the real modification time as
    /// <c>SistEndretDato + 1 hour</c> (its comment "IS-17110"), which is only right if the API reports the time one hour
    /// behind. A fixed hour (no daylight-saving variation) is what that connector assumes too. Only
    /// <c>SistEndretDato</c> moves; <c>OpprettetDato</c> and Ansatt are reported truly. The stored record (what
    /// <c>/_emulator/records</c> shows) keeps the true time, so a test can see the skew; the API applies it on the way
    /// out and in <c>$filter</c>/<c>$orderby</c>, so a client polling with <c>SistEndretDato gt &lt;last seen&gt;</c>
    /// stays consistent, but one that compares with its own clock misses the last hour.
    /// </summary>
    public static readonly TimeSpan SkewOffset = TimeSpan.FromHours(-1);

    /// <summary>The real service has the skew, so it is on unless a test turns it off; setting <c>skewSistEndretDato</c>.</summary>
    public const bool SkewOnByDefault = true;

    // ---- OData conventions (public: OData v4 envelope and query options; the details are assumed) ----

    /// <summary>The media type of OData payloads and OData errors, as ASP.NET Core OData writes it.</summary>
    public const string ODataContentType = "application/json; odata.metadata=minimal; odata.streaming=true";

    /// <summary>Assumed: the largest <c>$top</c> accepted (more → 400); without <c>$top</c> every match is returned,
    /// there is no server-side paging and no next link. Setting <c>maxTop</c>.</summary>
    public const int MaxTop = 1000;

    /// <summary>Assumed: how deeply parentheses and calls may nest in <c>$filter</c> (OData libraries cap it too).</summary>
    public const int MaxFilterDepth = 100;

    /// <summary>Assumed: the most entities one insert or update may carry (more → 400). Setting <c>maxBatch</c>.</summary>
    public const int MaxBatch = 100;

    // ---- Queries (assumed, beyond the public list of options and operators) ----
    // Lists are in key order unless $orderby says otherwise (the key is always the last sort key, so $top/$skip pages
    // are stable); nulls sort first. Operators and keywords are lower case as in OData (EQ → 400). Only the documented
    // operators are served: not, in, has, arithmetic, contains, endswith and the other functions → 400 naming them.
    // Literals are OData's: 'text' with '' for a quote, integers, decimals, true/false/null, dates yyyy-MM-dd for
    // Edm.Date properties and date-times with an offset (Z or ±hh:mm, '+' sent as %2B) for SistEndretDato and
    // OpprettetDato; comparing a date property with a date-time literal (or any two other types) → 400.
    // Query options are case-sensitive ($FILTER → 400 unsupported), may appear once, must not be empty; options
    // without '$' are custom options and ignored. A single Kunde by key takes only $select. Bad options → 400 with
    // "The query specified in the URI is not valid. ..." in the OData error shape.
    // Routes: an unknown path → the gateway's 404 {"statusCode":404,"message":"Resource not found"}; Ansatt and
    // Prosjekt cannot be addressed by key (404; read them with $filter=Id eq ...).

    // ---- Writes (assumed, except where noted) ----
    // POST inserts: 201 with {"@odata.context","value":[stored entities]}. PUT updates: 200, same envelope; an
    // update merges the given properties into the stored entity (omitted ones stay), null clears an optional one,
    // and every accepted entity gets a new SistEndretDato even when nothing changed (a SQL UPDATE does).
    // A batch is all or nothing: the first bad entity fails the request and nothing of it is applied.
    // Public fact: explicit nulls on insert are refused (400); keys are chosen by the client.
    // Unknown properties → 400 (OData's rule for a closed type). Server-maintained properties (SistEndretDato,
    // OpprettetDato, PostId) are ignored on input, because the public connector sends read entities back.
    // Duplicate key on insert → 409. Update of an unknown key → 404. Unknown KundeId/AnsvarligId → 400.
    // Kunde DELETE → 204; unknown → 404; a Kunde still referenced by a Prosjekt → 409 (a foreign key).
    // Ansatt and Prosjekt have no delete: DELETE → 405 with an Allow header and a hint (Sluttet/Aktiv, Avsluttet).
    // A body without a JSON Content-Type → 415. String keys compare case-insensitively (SQL Server collation),
    // and so do string comparisons in $filter and $orderby.

    /// <summary>
    /// Tidsbanken's own merge keys (public): Ansatt by Epost or Personnummer, Kunde by Epost or Organisasjonsnummer.
    /// Assumed: the API treats them as unique, so an insert or update that would give a second record the same value
    /// (case-insensitive, trimmed) is refused with 409. Setting <c>enforceMergeKeys</c>.
    /// </summary>
    public const bool EnforceMergeKeys = true;

    /// <summary>Assumed longest strings: keys, names and addresses, free-text notes.</summary>
    public const int KeyLength = 50, NameLength = 100, TextLength = 255, NoteLength = 4000, ShortLength = 20;
}
