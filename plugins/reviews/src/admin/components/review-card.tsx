/**
 * One review as a moderator reads it (stars, text, size and fit, who wrote it, whether she
 * bought it) with the decisions that apply: approve, reject, each with an optional note that
 * only moderators see, and delete.
 */
import { Button, Container, Prompt, Text, Textarea } from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import { errorMessage, useDeleteReview, useModerateReview } from "../lib/api"
import { FIT_LABEL, formatDateTime, stars } from "../lib/format"
import type { AdminReview } from "../lib/types"
import { StatusPill } from "./ui"

type Notify = { success: (title: string, message: string) => void; error: (title: string, message: string) => void }

export const ReviewCard = ({ review, notify, showProduct = true }: { review: AdminReview; notify: Notify; showProduct?: boolean }) => {
  const moderateMutation = useModerateReview(review.id)
  const deleteMutation = useDeleteReview(review.id)
  const [note, setNote] = useState(review.moderation_note ?? "")
  const [noteOpen, setNoteOpen] = useState(false)
  const [confirmDelete, setConfirmDelete] = useState(false)
  const busy = moderateMutation.isLoading || deleteMutation.isLoading

  const decide = (status: "approved" | "rejected") =>
    moderateMutation.mutate(
      { status, note: note.trim() || null },
      {
        onSuccess: () => {
          setNoteOpen(false)
          notify.success(status === "approved" ? "Review approved" : "Review rejected", status === "approved" ? "It is now shown on the product page." : "It is hidden from the store.")
        },
        onError: (error) => notify.error("Could not moderate the review", errorMessage(error)),
      }
    )

  const remove = () =>
    deleteMutation.mutate(undefined, {
      onSuccess: () => notify.success("Review deleted", "The customer may review this size again."),
      onError: (error) => notify.error("Could not delete the review", errorMessage(error)),
    })

  return (
    <Container className="flex flex-col gap-y-3 p-4" data-testid="review-card" data-review-id={review.id} data-status={review.status}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-x-2">
            <Text size="large" className="text-ui-tag-orange-icon" aria-label={`${review.rating} out of 5`}>
              {stars(review.rating)}
            </Text>
            <StatusPill status={review.status} />
            {review.verified_purchase && (
              <Text size="xsmall" weight="plus" className="text-ui-tag-green-text">
                Verified purchase
              </Text>
            )}
          </div>
          {review.title && (
            <Text size="base" weight="plus" className="mt-1 break-words">
              {review.title}
            </Text>
          )}
        </div>
        <Text size="xsmall" className="text-ui-fg-subtle shrink-0">
          {formatDateTime(review.created_at)}
        </Text>
      </div>

      {review.body ? (
        <Text size="small" className="whitespace-pre-line break-words">
          {review.body}
        </Text>
      ) : (
        <Text size="small" className="text-ui-fg-muted">
          Stars only, no text.
        </Text>
      )}

      <Text size="xsmall" className="text-ui-fg-subtle">
        {review.size ? `Size ${review.size}` : review.variant_title ?? "No size"}
        {review.fit ? ` · ${FIT_LABEL[review.fit]}` : ""} · {review.author_name} ({review.customer_email ?? review.customer_id})
        {showProduct && (
          <>
            {" · "}
            <Link to={`/a/products/${review.product_id}`} className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover">
              {review.product_title ?? review.product_id}
            </Link>
          </>
        )}
      </Text>

      {review.moderated_at && (
        <Text size="xsmall" className="text-ui-fg-subtle" data-testid="moderation-note">
          {review.status === "approved" ? "Approved" : "Rejected"} {formatDateTime(review.moderated_at)}
          {review.moderation_note ? `: ${review.moderation_note}` : ""}
        </Text>
      )}

      {noteOpen && (
        <Textarea
          value={note}
          onChange={(e) => setNote(e.target.value)}
          maxLength={1000}
          rows={2}
          placeholder="Why (for moderators only; the customer does not see it)"
          aria-label="Moderation note"
        />
      )}

      <div className="flex flex-wrap items-center gap-2">
        <Button size="small" variant="secondary" disabled={busy || review.status === "approved"} onClick={() => decide("approved")} data-action="approve">
          Approve
        </Button>
        <Button size="small" variant="secondary" disabled={busy || review.status === "rejected"} onClick={() => decide("rejected")} data-action="reject">
          Reject
        </Button>
        <Button size="small" variant="transparent" disabled={busy} onClick={() => setNoteOpen(!noteOpen)}>
          {noteOpen ? "Hide note" : review.moderation_note ? "Edit note" : "Add a note"}
        </Button>
        {noteOpen && review.status !== "pending" && (
          <Button size="small" variant="transparent" disabled={busy} onClick={() => decide(review.status as "approved" | "rejected")}>
            Save note
          </Button>
        )}
        <Button size="small" variant="transparent" className="text-ui-fg-error ml-auto" disabled={busy} onClick={() => setConfirmDelete(true)} data-action="delete">
          Delete
        </Button>
      </div>

      <Prompt open={confirmDelete} onOpenChange={setConfirmDelete} variant="danger">
        <Prompt.Content className="z-[100]">
          <Prompt.Header>
            <Prompt.Title>Delete this review?</Prompt.Title>
            <Prompt.Description>It is removed for good; the customer may then review this size again. Rejecting it keeps it out of the store instead.</Prompt.Description>
          </Prompt.Header>
          <Prompt.Footer>
            <Prompt.Cancel>Cancel</Prompt.Cancel>
            <Prompt.Action onClick={remove}>Delete</Prompt.Action>
          </Prompt.Footer>
        </Prompt.Content>
      </Prompt>
    </Container>
  )
}
