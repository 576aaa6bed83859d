using System.Net;
using MiracleCell.Discord.Models;
using MiracleCell.Discord.Rest;

namespace MiracleCell.Discord.Tests.Rest;

public sealed class DiscordErrorParserTests
{
    private static readonly DiscordRoute Route = DiscordRoute.ChannelMessages(new Snowflake(1));

    [Fact]
    public void Every_leaf_of_a_deeply_nested_errors_tree_is_flattened_to_its_path()
    {
        const string body = """
            {"code": 50035, "message": "Invalid Form Body", "errors": {
              "components": {"0": {"components": {"1": {"custom_id": {"_errors": [
                {"code": "COMPONENT_CUSTOM_ID_DUPLICATED", "message": "Component custom id cannot be duplicated"},
                {"code": "BASE_TYPE_MAX_LENGTH", "message": "Must be 100 or fewer in length."}]}}}}},
              "_errors": [{"code": "MESSAGE_EMPTY", "message": "Cannot send an empty message"}]}}
            """;

        var error = DiscordErrorParser.Parse(HttpStatusCode.BadRequest, body, Route, []);

        Assert.Equal(
            [
                new DiscordFieldError("components.0.components.1.custom_id", "COMPONENT_CUSTOM_ID_DUPLICATED",
                    "Component custom id cannot be duplicated"),
                new DiscordFieldError("components.0.components.1.custom_id", "BASE_TYPE_MAX_LENGTH",
                    "Must be 100 or fewer in length."),
                new DiscordFieldError("(body)", "MESSAGE_EMPTY", "Cannot send an empty message"),
            ],
            error.FieldErrors);
    }

    [Fact]
    public void A_json_body_without_discords_fields_is_quoted_rather_than_trusted()
    {
        var error = DiscordErrorParser.Parse(HttpStatusCode.BadGateway, """["not", "an", "error"]""", Route, []);

        Assert.Equal(0, error.Code);
        Assert.Contains("""not a Discord error object: "["not", "an", "error"]""", error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_html_page_is_cut_to_one_line_of_at_most_200_characters()
    {
        var page = "<html>\n" + new string('x', 5000) + "\n</html>";

        var error = DiscordErrorParser.Parse(HttpStatusCode.BadGateway, page, Route, []);

        Assert.DoesNotContain('\n', error.DiscordMessage);
        Assert.Contains("<html> xxx", error.DiscordMessage, StringComparison.Ordinal);
        Assert.True(error.DiscordMessage.Length < 300, error.DiscordMessage);
        Assert.EndsWith("…\"", error.DiscordMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Secrets_are_blanked_out_of_messages_and_field_errors()
    {
        const string body = """
            {"code": 50027, "message": "Invalid Webhook Token abc.def",
             "errors": {"token": {"_errors": [{"code": "X", "message": "abc.def is bad"}]}}}
            """;

        var error = DiscordErrorParser.Parse(HttpStatusCode.Unauthorized, body, Route, ["abc.def", null]);

        Assert.Equal("Invalid Webhook Token [redacted]", error.DiscordMessage);
        Assert.Equal("[redacted] is bad", Assert.Single(error.FieldErrors).Message);
        Assert.DoesNotContain("abc.def", error.Message, StringComparison.Ordinal);
    }
}
