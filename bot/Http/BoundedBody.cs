namespace CustomerCare.Bot.Http;

/// <summary>A request body read whole, but never past a limit (a chunked body has no Content-Length to refuse it by).</summary>
public static class BoundedBody
{
    /// <summary>The body's bytes, or null as soon as it turns out longer than <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(Stream source, long maxBytes, CancellationToken cancellationToken)
    {
        using var target = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (target.Length + read > maxBytes)
            {
                return null;
            }
            target.Write(buffer, 0, read);
        }
        return target.ToArray();
    }
}
