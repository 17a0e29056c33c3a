namespace CustomerCare.Bot.Health;

/// <summary>A small durable write to the store the bot serves from, as readiness checks it.</summary>
public interface IStoreProbe
{
    Task WriteAsync(DateTime nowUtc, CancellationToken cancellationToken);
}
