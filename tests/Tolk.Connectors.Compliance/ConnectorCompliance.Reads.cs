namespace Tolk.Connectors.Compliance;

public abstract partial class ConnectorCompliance<TFixture>
{
    [Fact]
    public async Task a_full_read_returns_every_record_of_every_datatype()
    {
        var connector = Fixture.CreateConnector();
        foreach (var datatype in Fixture.ReadDatatypes)
        {
            var (records, problems, cursor, stopped) = await ReadAllAsync(connector, datatype, ConnectorCursor.None);
            Assert.Null(stopped);
            Assert.Empty(problems);
            var expected = await Fixture.ExpectedIdsAsync(datatype);
            Assert.Equal(expected.Order(StringComparer.Ordinal), records.Select(r => r.Id).Distinct().Order(StringComparer.Ordinal));
            Assert.False(cursor.IsNone, $"{datatype}: a full read must end with a cursor to continue from");
        }
    }

    [Fact]
    public async Task an_incremental_read_returns_a_person_edit_made_after_the_cursor()
    {
        var connector = Fixture.CreateConnector();
        foreach (var datatype in Fixture.ReadDatatypes)
        {
            var (_, _, cursor, _) = await ReadAllAsync(connector, datatype, ConnectorCursor.None);
            PersonEdit edit;
            try
            {
                edit = await Fixture.PersonEditAsync(datatype);
            }
            catch (NotSupportedException)
            {
                continue; // a datatype a person cannot edit (Trello actions other than comments)
            }
            var (changes, _, _, stopped) = await ReadAllAsync(connector, datatype, cursor);
            Assert.Null(stopped);
            var changed = Assert.Single(changes.Where(r => r.Id == edit.Id).TakeLast(1));
            Assert.Equal(edit.Value?.ToJsonString(), Field(changed, edit.Field)?.ToJsonString());
        }
    }

    [Fact]
    public async Task records_named_by_id_are_read_directly_where_the_datatype_declares_it_and_refused_as_not_supported_elsewhere()
    {
        var connector = Fixture.CreateConnector();
        foreach (var datatype in Fixture.ReadDatatypes)
        {
            PersonEdit edit;
            try
            {
                edit = await Fixture.PersonEditAsync(datatype);
            }
            catch (NotSupportedException)
            {
                continue;
            }
            var batch = await connector.ReadRecordsAsync(datatype, [edit.Id], default);
            Assert.True(batch.Cursor.IsNone, $"{datatype}: a read by id must not move the change feed");
            if (!CanReadById(connector, datatype))
            {
                Assert.Equal(FailureKind.NotSupported, batch.Stopped?.Kind);
                continue;
            }
            Assert.Null(batch.Stopped);
            var read = Assert.Single(batch.Records);
            Assert.Equal(edit.Id, read.Id);
            Assert.Equal(edit.Value?.ToJsonString(), Field(read, edit.Field)?.ToJsonString());
        }

        var write = Fixture.WriteCase;
        if (CanReadById(connector, write.Datatype))
        {
            var created = await connector.CreateAsync(write.Datatype, new CreateRequest(write.Create, Guid.NewGuid().ToString("N"), write.MatchFields), default);
            Assert.True((await connector.DeleteAsync(write.Datatype, created.Record!.Id, default)).Succeeded);
            var gone = Assert.Single((await connector.ReadRecordsAsync(write.Datatype, [created.Record.Id], default)).Records);
            Assert.True(gone.Deleted, $"{write.Datatype}: a record deleted in the system must read back deleted");
        }
    }

    private static bool CanReadById(IConnector connector, string datatype) =>
        connector.Datatypes.Single(d => d.Name == datatype).Can(Capabilities.ReadById);

    [Fact]
    public async Task an_incremental_read_when_nothing_changed_costs_at_most_one_call_per_datatype()
    {
        var connector = Fixture.CreateConnector();
        var cursors = new Dictionary<string, ConnectorCursor>();
        foreach (var datatype in Fixture.ReadDatatypes)
        {
            cursors[datatype] = (await ReadAllAsync(connector, datatype, ConnectorCursor.None)).Cursor;
        }
        var before = await CallCountAsync();
        foreach (var datatype in Fixture.ReadDatatypes)
        {
            // Records re-read inside an overlap window are allowed (the hub drops them by hash); extra calls are not.
            await ReadAllAsync(connector, datatype, cursors[datatype]);
        }
        var calls = await CallCountAsync() - before;
        Assert.True(calls <= Fixture.ReadDatatypes.Count, $"{calls} calls for {Fixture.ReadDatatypes.Count} unchanged datatypes");
    }

    [Fact]
    public async Task a_malformed_record_is_reported_by_id_and_field_while_the_rest_are_read()
    {
        var datatype = Fixture.ReadDatatypes[0];
        var (id, field) = await Fixture.CorruptRecordAsync(datatype);
        var (records, problems, _, stopped) = await ReadAllAsync(Fixture.CreateConnector(), datatype, ConnectorCursor.None);
        Assert.Null(stopped);
        var problem = Assert.Single(problems);
        Assert.Equal(id, problem.RecordId);
        Assert.Equal(field, problem.Field);
        var expected = await Fixture.ExpectedIdsAsync(datatype);
        Assert.Equal(expected.Count - 1, records.Select(r => r.Id).Distinct().Count());
    }

    [Fact]
    public async Task a_full_read_under_rate_limit_pressure_loses_nothing()
    {
        await Fixture.LowerRateLimitsAsync();
        var connector = Fixture.CreateConnector();
        foreach (var datatype in Fixture.ReadDatatypes)
        {
            var (records, problems, _, stopped) = await ReadAllAsync(connector, datatype, ConnectorCursor.None);
            Assert.Null(stopped);
            Assert.Empty(problems);
            Assert.Equal((await Fixture.ExpectedIdsAsync(datatype)).Count, records.Select(r => r.Id).Distinct().Count());
        }
    }

    [Fact]
    public async Task bad_credentials_stop_the_read_with_one_clear_error()
    {
        var connector = Fixture.CreateConnector(badCredentials: true);
        var (records, _, _, stopped) = await ReadAllAsync(connector, Fixture.ReadDatatypes[0], ConnectorCursor.None);
        Assert.Empty(records);
        Assert.NotNull(stopped);
        Assert.Equal(FailureKind.CredentialsRejected, stopped.Kind);
        Assert.Contains($"credentials rejected for {connector.System}", stopped.Message, StringComparison.Ordinal);
    }

    private static System.Text.Json.Nodes.JsonNode? Field(ConnectorRecord record, string path)
    {
        System.Text.Json.Nodes.JsonNode? node = record.Properties;
        foreach (var part in path.Split('.'))
        {
            node = node is System.Text.Json.Nodes.JsonObject o ? o[part] : null;
        }
        return node;
    }
}
