"""MarianMT on PyTorch through transformers: the reference engine.

torch and transformers are imported in :meth:`TransformersEngine.load`, never at module import,
so the window and cache-only runs stay fast. Decoding runs under ``torch.inference_mode`` with
torch using every available core; batches come from :mod:`reader.translate.batching`, and each
output is capped relative to its own source length (see :mod:`reader.translate.generation`)
even inside a batch of several lengths.
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Sequence
from typing import Any

from reader.errors import ModelUnavailable, first_line
from reader.translate.batching import Piece, PieceOutput, PieceTranslation
from reader.translate.cross_attention import last_layer_cross_attention
from reader.translate.device import choose_device
from reader.translate.generation import GenerationOptions
from reader.translate.marian_engine import MarianEngine, available_cores
from reader.translate.marian_tokens import decode_target
from reader.translate.model_access import require_model
from reader.translate.model_location import Progress
from reader.translate.native_preload import preload_torch
from reader.translate.protocol import EngineSettings
from reader.translate.token_scores import mean_log_prob, step_scores_processor
from reader.translate.weights_check import LOAD_ARGUMENTS, check_loading_info
from reader.translate.word_alignment import Alignment

log = logging.getLogger(__name__)
ENGINE_NAME = "transformers"


class TransformersEngine(MarianEngine):
    """Translate with ``MarianMTModel`` + ``MarianTokenizer``; implements the Translator protocol.

    Construction is free; the model is located (downloaded if needed) and loaded by :meth:`load`,
    which :meth:`translate` calls on first use.
    """

    cache_identity = ENGINE_NAME

    def __init__(self, settings: EngineSettings, options: GenerationOptions | None = None) -> None:
        super().__init__(settings, options)
        self._model: Any = None
        self._generation_config: Any = None
        self.last_scores: list[float | None] = []
        self.last_cut: list[bool] = []
        self.last_scored_tokens: list[int] = []

    @property
    def description(self) -> str:
        return f"{self.settings.model} · {ENGINE_NAME}"

    def load(self, progress: Progress | None = None) -> None:
        """Locate, download if needed, and load the model; idempotent. Raises ModelUnavailable."""
        if self.loaded:
            return
        location = require_model(self.settings.model, progress)
        if progress is not None:
            progress(f"loading {self.settings.model}", None)
        preload_torch()  # the slow part of `import torch`, without holding the GIL
        import torch
        from transformers import MarianMTModel, MarianTokenizer
        from transformers.utils import logging as transformers_logging

        # Our progress goes to the callback; transformers' own bars would litter the CLI's stderr,
        # and its multi-line load report is replaced by check_loading_info's one line.
        transformers_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
        transformers_logging.set_verbosity_error()  # type: ignore[no-untyped-call]
        torch.set_num_threads(available_cores())
        device = choose_device(self.settings.device, int(torch.cuda.is_available()))
        # Loading is always from the local folder, so transformers itself never reaches the network;
        # MarianMTModel is a built-in class, so no remote code can be involved.
        try:
            tokenizer = MarianTokenizer.from_pretrained(location.folder)
            loaded: Any = MarianMTModel.from_pretrained(
                location.folder,
                use_safetensors=not location.pickled_weights,
                dtype=torch.float32,
                **LOAD_ARGUMENTS,
            )
            model: Any = loaded[0]
            check_loading_info(loaded[1], self.settings.model)
            model.to(device)
            model.eval()
        except ModelUnavailable:
            raise
        except Exception as error:  # damaged or mismatched files: a model problem, not a crash
            raise ModelUnavailable(
                f"could not load model '{self.settings.model}': {first_line(error)}"
            ) from error
        config = copy.deepcopy(model.generation_config)
        config.num_beams = self.options.beams or config.num_beams or 1
        config.num_return_sequences = 1
        config.no_repeat_ngram_size = self.options.no_repeat_ngram_size
        config.do_sample = False
        self._model, self._generation_config, self.location = model, config, location
        self._tokenizer = tokenizer  # last: it marks the engine as loaded
        log.info(
            "loaded %s from %s (%d threads)", self.settings.model, location.folder, torch.get_num_threads()
        )
        if progress is not None:
            progress(f"loaded {self.settings.model}", 1.0)

    def close(self) -> None:
        super().close()
        self._model = self._generation_config = None

    @property
    def beams(self) -> int:
        """The beam size in use (after :meth:`load`)."""
        return int(self._generation_config.num_beams) if self._generation_config is not None else 0

    def translate_pieces(self, pieces: list[Piece]) -> Sequence[PieceTranslation]:
        """Translate one batch of pieces: each text with its score, whether it was cut at the cap,
        and its word alignment when asked for."""
        texts = [p.text for p in pieces]
        sources: list[list[int]] = []
        if self.settings.alignment:  # generation and alignment share one encoding
            sources = [self.encode(text) for text in texts]
            encoder_states = self._encoder_states(sources)
            generated = self.generate_ids(texts, encoder_states=encoder_states)
        else:
            generated = self.generate_ids(texts)
        decoded = [decode_target(self._tokenizer, ids) for ids in generated]
        alignments: list[Alignment | None] = [None] * len(texts)
        if self.settings.alignment:
            attentions = last_layer_cross_attention(
                self._model,
                encoder_states,
                [len(s) for s in sources],
                generated,
                self._tokenizer.pad_token_id,
            )
            alignments = [
                self.piece_alignment(source, target, attention, piece, text)
                for source, target, attention, piece, text in zip(
                    sources, generated, attentions, texts, decoded, strict=True
                )
            ]
        return [
            PieceOutput(text, alignment, score, tokens, cut)
            for text, alignment, tokens, score, cut in zip(
                decoded, alignments, self.last_scored_tokens, self.last_scores, self.last_cut, strict=True
            )
        ]

    def _source_tensors(self, ids: list[list[int]]) -> tuple[Any, Any]:
        """Right-padded input ids and their attention mask, on the model's device."""
        import torch

        pad, device = self._tokenizer.pad_token_id, self._model.device
        width = max(len(row) for row in ids)
        input_ids = torch.tensor([row + [pad] * (width - len(row)) for row in ids], device=device)
        mask = torch.tensor([[1] * len(row) + [0] * (width - len(row)) for row in ids], device=device)
        return input_ids, mask

    def _encoder_states(self, ids: list[list[int]]) -> Any:
        """The encoder's last hidden state for these sources (what ``generate`` would compute)."""
        import torch

        input_ids, mask = self._source_tensors(ids)
        with torch.inference_mode():
            return self._model.get_encoder()(input_ids=input_ids, attention_mask=mask).last_hidden_state

    def n_best(self, text: str, count: int) -> list[tuple[str, float]]:
        return _n_best(self, text, count)

    def forced_attention(self, sources: list[list[int]], targets: list[list[int]]) -> list[Any]:
        """One teacher-forced pass over the given targets (the same pass alignment uses)."""
        encoder_states = self._encoder_states(sources)
        return last_layer_cross_attention(
            self._model, encoder_states, [len(s) for s in sources], targets, self._tokenizer.pad_token_id
        )

    def generate_ids(self, texts: list[str], *, encoder_states: Any = None) -> list[list[int]]:
        """Generated target ids for each text (after the decoder start token, up to ``</s>``).

        *encoder_states*, when given, is the encoder's output for these texts: generation then
        decodes from it instead of encoding again. ``last_scores`` then holds each output's mean
        log-probability per token (see :mod:`token_scores`), ``last_cut`` whether it stopped at
        its cap rather than at ``</s>``.
        """
        import torch

        self.load()
        ids = [self.encode(text) for text in texts]
        eos = self._tokenizer.eos_token_id
        input_ids, attention_mask = self._source_tensors(ids)
        caps = [self.options.cap_for(len(row)) for row in ids]
        config = copy.copy(self._generation_config)
        config.max_length = max(caps) + 1  # + the decoder start token
        scores = step_scores_processor(int(config.num_beams), eos)
        processors = [scores]  # before the cap: it reads the model's probabilities, not the forcing
        if self.options.forced_output_tokens is not None:
            config.min_length = config.max_length
        else:
            processors.append(_row_cap_processor(caps, config.num_beams, eos))
        extra: dict[str, Any] = {}
        if encoder_states is not None:
            from transformers.modeling_outputs import BaseModelOutput

            # generate expands this output for the beams in place: hand it a fresh wrapper
            extra["encoder_outputs"] = BaseModelOutput(last_hidden_state=encoder_states)
        with torch.inference_mode():
            output = self._model.generate(
                input_ids=input_ids,
                attention_mask=attention_mask,
                generation_config=config,
                logits_processor=processors,
                **extra,
            )
        rows = [row.tolist() for row in output]
        generated = [_until_eos(row[1:], eos) for row in rows]
        # At the cap, the last place is </s> forced by the cap processor (or nothing at all).
        self.last_cut = [eos not in ids or len(ids) >= cap for ids, cap in zip(generated, caps, strict=True)]
        # A forced </s> is the cap's choice, not the model's: like CTranslate2, leave it out.
        scored = [
            ids[:-1] if cut and ids[-1:] == [eos] else ids
            for ids, cut in zip(generated, self.last_cut, strict=True)
        ]
        self.last_scores = [
            mean_log_prob(scores.seen, index, [row[0], *ids])
            for index, (row, ids) in enumerate(zip(rows, scored, strict=True))
        ]
        self.last_scored_tokens = [len(ids) for ids in scored]
        return generated


def _n_best(engine: TransformersEngine, text: str, count: int) -> list[tuple[str, float]]:
    """Beam search with ``num_return_sequences``; ``sequences_scores`` are length-normalised sums
    of log-probabilities (length_penalty 1: the mean per token)."""
    import torch

    ids = engine.encode(text)  # the source memo's encoding (loads the model if needed)
    model, tokenizer = engine._model, engine._tokenizer
    config = copy.copy(engine._generation_config)
    config.num_beams = max(int(config.num_beams or 1), count)
    config.num_return_sequences = count
    config.length_penalty = 1.0
    config.max_length = engine.options.cap_for(len(ids)) + 1
    config.output_scores = True
    config.return_dict_in_generate = True
    with torch.inference_mode():
        output = model.generate(input_ids=torch.tensor([ids], device=model.device), generation_config=config)
    eos = tokenizer.eos_token_id
    scores = output.sequences_scores.tolist()
    return [
        (decode_target(tokenizer, _until_eos(row.tolist()[1:], eos)), float(score))
        for row, score in zip(output.sequences, scores, strict=True)
    ]


def _until_eos(ids: list[int], eos: int) -> list[int]:
    """``ids`` up to and including the first ``</s>`` (the rest is batch padding)."""
    return ids[: ids.index(eos) + 1] if eos in ids else ids


def _row_cap_processor(caps: list[int], beams: int, eos: int) -> Any:
    """A logits processor forcing ``</s>`` once a row reaches its own sentence's cap.

    ``generate`` only knows one length limit per batch; without this, a short sentence batched
    with longer ones could run to the longest one's cap.
    """
    import torch
    from transformers import LogitsProcessor

    class RowCap(LogitsProcessor):
        def __init__(self) -> None:
            self.caps = torch.tensor(caps).repeat_interleave(beams)  # moved to the scores' device on use

        def __call__(self, input_ids: torch.Tensor, scores: torch.Tensor) -> torch.Tensor:
            produced = input_ids.shape[1] - 1  # tokens generated so far, not counting the start token
            force = (self.caps <= produced + 1).to(scores.device)  # the token now chosen is the last allowed
            if bool(force.any()):
                scores[force] = float("-inf")
                scores[force, eos] = 0.0
            return scores

    return RowCap()
