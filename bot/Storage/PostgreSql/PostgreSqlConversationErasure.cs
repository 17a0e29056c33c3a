using CustomerCare.Cases;

namespace CustomerCare.Bot.Storage.PostgreSql;

/// <summary>
/// The statements that delete a set of conversations with everything that belongs to them, after a CTE
/// <c>doomed (key_hash, channel_id, conversation_id, customer_id)</c> of their summaries: the files their customers
/// uploaded (found by the attachment links in the transcript; but for receipts a grant keeps), the transcript, the
/// conversation's state, the customer's user state when no other conversation of theirs is kept, the supervisors'
/// reviews, the closed cases with their notes and handovers, and the summaries. The whole is one statement: it returns
/// how many conversations, closed cases and reviews it deleted. Retention and erasure both delete through here.
/// </summary>
internal static class PostgreSqlConversationErasure
{
    public static readonly string Deletes = $"""
        files AS (
            DELETE FROM uploads u USING (
                SELECT substring(a->>'contentUrl' from '/v3/directline/attachments/([0-9a-f]+)$') AS id
                FROM transcript_entries t JOIN doomed e ON t.conversation_hash = e.key_hash,
                     jsonb_array_elements(CASE WHEN jsonb_typeof(t.json::jsonb->'attachments') = 'array' THEN t.json::jsonb->'attachments' ELSE '[]'::jsonb END) AS a
                WHERE t.json LIKE '%/v3/directline/attachments/%') AS f
            WHERE u.id = f.id AND NOT EXISTS (SELECT 1 FROM kept_uploads k WHERE k.id = u.id)),
        transcripts AS (DELETE FROM transcript_entries t USING doomed e WHERE t.conversation_hash = e.key_hash),
        states AS (
            DELETE FROM bot_state b USING doomed e
            WHERE b.key_hash = sha256(convert_to(e.channel_id || '/conversations/' || e.conversation_id, 'UTF8'))
               OR (e.customer_id IS NOT NULL
                   AND b.key_hash = sha256(convert_to(e.channel_id || '/users/' || e.customer_id, 'UTF8'))
                   AND NOT EXISTS (SELECT 1 FROM conversation_summaries o
                                   WHERE o.customer_id = e.customer_id AND o.channel_id = e.channel_id
                                     AND NOT EXISTS (SELECT 1 FROM doomed d WHERE d.key_hash = o.key_hash)))),
        reviews AS (DELETE FROM supervisor_reviews r USING doomed e WHERE r.conversation_hash = e.key_hash RETURNING 1),
        closed AS (
            SELECT c.reference FROM cases c JOIN doomed e ON c.conversation_id = e.conversation_id AND c.channel_id = e.channel_id
            WHERE c.status = '{CaseRows.Name(CaseStatus.Closed)}'),
        notes AS (DELETE FROM case_notes n USING closed c WHERE n.reference = c.reference),
        handovers AS (DELETE FROM case_handovers h USING closed c WHERE h.reference = c.reference),
        cases_deleted AS (DELETE FROM cases c USING closed d WHERE c.reference = d.reference RETURNING 1),
        summaries AS (DELETE FROM conversation_summaries s USING doomed e WHERE s.key_hash = e.key_hash RETURNING 1)
        SELECT (SELECT count(*) FROM summaries)::int, (SELECT count(*) FROM cases_deleted)::int, (SELECT count(*) FROM reviews)::int
        """;

    /// <summary>Deletes closed cases (the CTE <c>closed (reference)</c> before it) with their notes and handovers; returns how many.</summary>
    public const string DeleteClosedCases = """
        notes AS (DELETE FROM case_notes n USING closed c WHERE n.reference = c.reference),
        handovers AS (DELETE FROM case_handovers h USING closed c WHERE h.reference = c.reference)
        DELETE FROM cases c USING closed d WHERE c.reference = d.reference
        """;
}
