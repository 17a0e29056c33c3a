using CustomerCare.Mail;
using CustomerCare.Operations;
using CustomerCare.Payouts;
using Microsoft.Extensions.Options;

namespace CustomerCare.Bot.Payouts;

/// <summary>
/// Tells customers when finance rejected their payout: an e-mail, in English and German, to the booking's address
/// with finance's reason and what to do next. Each rejection is told once; one whose e-mail could not be sent stays
/// to be told and is tried again at the next look. A booking without an address is recorded as not reached (the
/// status question and the supervisors' page still show the rejection).
/// </summary>
public sealed partial class RejectionNotices(
    IPayoutStore store,
    IOperationsData operations,
    ICustomerMailer mailer,
    IOptions<PayoutOptions> options,
    TimeProvider clock,
    ILogger<RejectionNotices> logger) : BackgroundService
{
    private const int PerLook = 50;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromSeconds(options.Value.NoticeSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await TellAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                LogLookFailed(logger, e);
            }
            try
            {
                await Task.Delay(every, clock, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One look: tells every customer still to be told, up to <see cref="PerLook"/>; returns how many were told.</summary>
    public async Task<int> TellAsync(CancellationToken cancellationToken)
    {
        var told = 0;
        foreach (var payout in await store.UntoldRejectionsAsync(PerLook, cancellationToken).ConfigureAwait(false))
        {
            var instruction = payout.Instruction;
            var booking = await operations.FindBookingAsync(instruction.BookingReference, cancellationToken).ConfigureAwait(false);
            var passenger = booking?.Passengers.FirstOrDefault(p => p.PassengerId == instruction.PassengerId);
            if (booking is null || passenger is null || booking.EmailFor(passenger) is not { } address)
            {
                await store.RecordCustomerToldAsync(payout.Reference, clock.GetUtcNow().UtcDateTime, reached: false, cancellationToken).ConfigureAwait(false);
                LogNoAddress(logger, payout.Reference);
                continue;
            }
            try
            {
                await mailer.SendAsync(RejectionNotice.For(address, payout), cancellationToken).ConfigureAwait(false);
            }
            catch (MailNotSentException)
            {
                // Stays to be told: the next look tries again.
                continue;
            }
            await store.RecordCustomerToldAsync(payout.Reference, clock.GetUtcNow().UtcDateTime, reached: true, cancellationToken).ConfigureAwait(false);
            told++;
        }
        return told;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payout {Reference} was rejected, and its booking has no e-mail address to tell the customer")]
    private static partial void LogNoAddress(ILogger logger, string reference);

    [LoggerMessage(Level = LogLevel.Error, Message = "Rejected payouts could not be read or marked told; the next look tries again")]
    private static partial void LogLookFailed(ILogger logger, Exception exception);
}
