using System.Text.Json;
using System.Text.RegularExpressions;

namespace MiracleCell.Discord.Tests.Fakes.Gateway;

/// <summary>A payload the fake gateway received from the client.</summary>
/// <param name="ConnectionIndex">Which connection (0-based, in connect order).</param>
/// <param name="Data">The payload's <c>d</c>.</param>
/// <param name="ByteCount">The payload's size on the wire.</param>
/// <param name="ReceivedAt">The fake's clock when it arrived.</param>
public sealed partial record ReceivedPayload(int ConnectionIndex, int Op, JsonElement Data, int ByteCount,
    long ReceivedAt)
{
    /// <summary>The payload's JSON with any token replaced, safe for assertion messages.</summary>
    public override string ToString() =>
        $"#{ConnectionIndex} op {Op}: "
            + TokenPattern().Replace(Data.ValueKind == JsonValueKind.Undefined ? "" : Data.GetRawText(),
                "\"token\":\"[redacted]\"");

    [GeneratedRegex("\"token\"\\s*:\\s*\"[^\"]*\"")]
    private static partial Regex TokenPattern();
}
