using System.Globalization;

namespace MiracleCell.Discord.Tests.Fakes.Rest;

/// <summary>What the fake answers to one request. A 2xx without a body gets the route's usual Discord body.</summary>
public sealed record FakeResponse
{
    public int Status { get; init; } = 200;
    public string? Body { get; init; }
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
    /// <summary>Never answer: the client must give up on its own.</summary>
    public bool Hang { get; init; }
    /// <summary>Drop the connection without an answer: a transport failure on the client.</summary>
    public bool Abort { get; init; }

    public static FakeResponse Ok(IReadOnlyDictionary<string, string>? headers = null) =>
        new() { Headers = headers ?? new Dictionary<string, string>() };

    public static FakeResponse Json(int status, string body) => new() { Status = status, Body = body };

    public static FakeResponse ServerError(int status = 500) =>
        new() { Status = status, Body = """{"message": "500: Internal Server Error", "code": 0}""" };

    public static FakeResponse Hanging() => new() { Hang = true };

    public static FakeResponse DroppedConnection() => new() { Abort = true };

    /// <summary>Headers of a successful answer that says how much of its bucket is left.</summary>
    public static FakeResponse WithBucket(string bucket, int limit, int remaining, double resetAfterSeconds) =>
        Ok(new Dictionary<string, string>
    {
        ["X-RateLimit-Bucket"] = bucket,
        ["X-RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture),
        ["X-RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture),
        ["X-RateLimit-Reset-After"] = resetAfterSeconds.ToString("0.###", CultureInfo.InvariantCulture),
    });

    /// <summary>A 429 as Discord sends it; <paramref name="headerSeconds"/> and <paramref name="bodySeconds"/> may
    /// disagree.</summary>
    public static FakeResponse RateLimited(double headerSeconds, double bodySeconds, bool global = false,
        string? bucket = null)
    {
        var headers = new Dictionary<string, string>
        {
            ["Retry-After"] = headerSeconds.ToString("0.###", CultureInfo.InvariantCulture),
            ["X-RateLimit-Scope"] = global ? "global" : "user",
        };
        if (global)
        {
            headers["X-RateLimit-Global"] = "true";
        }
        else
        {
            headers["X-RateLimit-Bucket"] = bucket ?? "fake-429-bucket";
            headers["X-RateLimit-Limit"] = "5";
            headers["X-RateLimit-Remaining"] = "0";
            // When the two disagree, the bucket headers follow the shorter wait: only the 429 itself asks for the
            // longer one.
            headers["X-RateLimit-Reset-After"] = Math.Min(headerSeconds, bodySeconds)
                .ToString("0.###", CultureInfo.InvariantCulture);
        }

        var body = string.Create(CultureInfo.InvariantCulture,
            $$"""
            {"message": "You are being rate limited.", "retry_after": {{bodySeconds}},
             "global": {{(global ? "true" : "false")}}}
            """);
        return new FakeResponse { Status = 429, Body = body, Headers = headers };
    }
}

/// <summary>One request as it reached the fake, in arrival order.</summary>
public sealed record RecordedRequest(
    int Sequence,
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Headers,
    string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
