"""The last decoder layer's cross-attention of a MarianMT model, cheaply: what alignment needs.

Word alignment needs, for each generated target piece, the last decoder layer's attention over
the source pieces (heads averaged). Asking transformers for it (``output_attentions=True``)
means switching the model to eager attention in every layer, computing the vocabulary logits
again and keeping every layer's weights: that cost +28.5 % on translation
(tests/benchmarks/bench_alignment.py, transformers, before this module). Here instead:

* the encoder output is the one generation used (:meth:`TransformersEngine.translate_pieces`
  encodes once and hands it to ``generate``), so the source is not encoded twice;
* one teacher-forced pass runs the decoder (no ``lm_head``: the 62 000-word projection is the
  largest single cost of a step) with the model's own fast attention (SDPA), and a pre-hook on
  the last layer's cross-attention module takes its query input and stops the pass there
  (the rest of that layer and the logits are never needed);
* the weights are then computed for that one layer only: ``softmax(q kᵀ · scale)`` from the
  module's own ``q_proj`` / ``k_proj`` over the encoder output, padded source columns masked.

Row *t* is the attention the decoder had while choosing target token *t*: a step depends only
on its prefix, so teacher forcing reproduces decoding's activations. torch is imported inside
the function: this module is imported with the engine, before torch is loaded.
"""

from __future__ import annotations

from typing import Any


class _Captured(Exception):
    """Raised by the pre-hook once the last layer's query input is known: nothing after is needed."""

    def __init__(self, hidden_states: Any) -> None:
        super().__init__("captured")
        self.hidden_states = hidden_states


def last_layer_cross_attention(
    model: Any, encoder_states: Any, source_lengths: list[int], targets: list[list[int]], pad: int
) -> list[Any]:
    """Each row's (target × source) attention of the last decoder layer, heads averaged, as numpy.

    *encoder_states* is the encoder's ``last_hidden_state`` (batch × source width × d_model) for
    sources of *source_lengths* real tokens (right-padded); *targets* are the generated ids (after
    the decoder start token, up to and including ``</s>``).
    """
    import torch

    device = encoder_states.device
    start = model.config.decoder_start_token_id
    width = max(1, max(len(row) for row in targets))
    decoder_rows = [[start, *row[:-1]] if row else [start] for row in targets]
    decoder_ids = torch.tensor([r + [pad] * (width - len(r)) for r in decoder_rows], device=device)
    source_width = encoder_states.shape[1]
    keep = torch.tensor([[1] * n + [0] * (source_width - n) for n in source_lengths], device=device)
    decoder = model.get_decoder()
    attention = decoder.layers[-1].encoder_attn

    def capture(_module: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        raise _Captured(args[0] if args else kwargs["hidden_states"])

    handle = attention.register_forward_pre_hook(capture, with_kwargs=True)
    try:
        with torch.inference_mode():
            try:
                decoder(
                    input_ids=decoder_ids,
                    encoder_hidden_states=encoder_states,
                    encoder_attention_mask=keep,
                    use_cache=False,
                )
            except _Captured as captured:
                hidden = captured.hidden_states
            else:  # pragma: no cover - a decoder that never calls its last cross-attention
                raise RuntimeError("the decoder's last cross-attention was not reached")
            weights = _attention_weights(attention, hidden, encoder_states, keep)
    finally:
        handle.remove()
    averaged = weights.float().cpu().numpy()  # batch × target × source
    return [averaged[i, : len(targets[i]), : source_lengths[i]] for i in range(len(targets))]


def _attention_weights(attention: Any, hidden: Any, encoder_states: Any, keep: Any) -> Any:
    """``softmax(q kᵀ · scale)`` of one attention module, padding masked, heads averaged."""
    import torch

    batch, target_width, _ = hidden.shape
    heads, head_dim = attention.num_heads, attention.head_dim
    query = attention.q_proj(hidden).view(batch, target_width, heads, head_dim).transpose(1, 2)
    key = attention.k_proj(encoder_states).view(batch, -1, heads, head_dim).transpose(1, 2)
    scores = torch.matmul(query, key.transpose(2, 3)) * getattr(attention, "scaling", head_dim**-0.5)
    scores = scores.masked_fill(keep[:, None, None, :] == 0, float("-inf"))
    return torch.softmax(scores, dim=-1).mean(dim=1)
