namespace CustomerCare.Conversation;

/// <summary>A flow that identifies a traveller by booking reference and last name, and the first name where travellers share it.</summary>
public interface ITravellerNames
{
    string? BookingReference { get; set; }

    string? LastName { get; set; }

    string? FirstName { get; set; }
}
