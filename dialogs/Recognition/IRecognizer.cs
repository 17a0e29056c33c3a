using System.Globalization;

namespace CustomerCare.Recognition;

/// <summary>Understands one utterance in the conversation's language.</summary>
public interface IRecognizer
{
    Task<RecognizerResult> RecognizeAsync(string text, CultureInfo culture, CancellationToken cancellationToken);
}
