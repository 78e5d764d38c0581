"""Tiny, random-weight models built with the real libraries, for tests and the offline demo.

* :func:`build_tiny_bert_encoder` — a small BERT (``BertModel``) with a WordPiece tokenizer trained on
  given texts, saved with ``save_pretrained``: BERTScore reads it with ``model_type=<folder>`` and
  COMET uses it as its encoder.
* :func:`build_tiny_comet` — a tiny COMET ``RegressionMetric`` (with reference) or
  ``ReferencelessRegression`` (QE) on that encoder, saved the way Unbabel ships checkpoints:
  ``<folder>/checkpoints/model.ckpt`` and ``<folder>/hparams.yaml`` (``load_pretrained_weights: false``),
  so ``comet.load_from_checkpoint(..., local_files_only=True)`` loads it offline.

The scores of these models mean nothing (random weights); they exercise every code path for real.
The COMET checkpoint points at the encoder folder by absolute path (as COMET's ``pretrained_model``
does with a hub id): keep the encoder folder where it was built.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import torch
from tokenizers import Tokenizer, decoders, models, normalizers, pre_tokenizers, processors, trainers
from transformers import BertConfig, BertModel, BertTokenizerFast

SPECIAL = ("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]")


def train_wordpiece_tokenizer(texts: Iterable[str], vocab_size: int = 2000,
                              model_max_length: int = 128) -> BertTokenizerFast:
    """A cased, accent-keeping WordPiece tokenizer (BERT layout: [CLS] a [SEP] b [SEP]) trained on ``texts``."""
    tok = Tokenizer(models.WordPiece(unk_token="[UNK]"))
    tok.normalizer = normalizers.BertNormalizer(clean_text=True, handle_chinese_chars=True,
                                                strip_accents=False, lowercase=False)
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tok.decoder = decoders.WordPiece()
    trainer = trainers.WordPieceTrainer(vocab_size=vocab_size, special_tokens=list(SPECIAL), show_progress=False)
    tok.train_from_iterator((t for t in texts if t), trainer=trainer)
    cls_id, sep_id = tok.token_to_id("[CLS]"), tok.token_to_id("[SEP]")
    tok.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]", pair="[CLS] $A [SEP] $B:1 [SEP]:1",
        special_tokens=[("[CLS]", cls_id), ("[SEP]", sep_id)],
    )
    return BertTokenizerFast(
        tokenizer_object=tok, do_lower_case=False, strip_accents=False, tokenize_chinese_chars=True,
        unk_token="[UNK]", sep_token="[SEP]", pad_token="[PAD]", cls_token="[CLS]", mask_token="[MASK]",
        model_max_length=model_max_length,
    )


def build_tiny_bert_encoder(
    folder: str | Path,
    texts: Iterable[str],
    *,
    hidden_size: int = 64,
    num_layers: int = 2,
    num_heads: int = 2,
    vocab_size: int = 2000,
    model_max_length: int = 128,
    seed: int = 0,
) -> Path:
    """Train a WordPiece tokenizer on ``texts``, build a random small ``BertModel``, save both to ``folder``.

    ``max_position_embeddings`` is ``model_max_length + 2`` (COMET keeps two positions in reserve).
    Returns the folder.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    tokenizer = train_wordpiece_tokenizer(texts, vocab_size=vocab_size, model_max_length=model_max_length)
    config = BertConfig(
        vocab_size=len(tokenizer), hidden_size=hidden_size, num_hidden_layers=num_layers,
        num_attention_heads=num_heads, intermediate_size=hidden_size * 2,
        max_position_embeddings=model_max_length + 2, pad_token_id=tokenizer.pad_token_id,
    )
    torch.manual_seed(seed)
    BertModel(config).save_pretrained(folder)  # with the pooler, so BERTScore's AutoModel finds every weight
    tokenizer.save_pretrained(folder)
    return folder


def tiny_comet_hparams(encoder_folder: str | Path, reference_free: bool) -> dict:
    """The hyper-parameters of a tiny COMET model on ``encoder_folder`` (as saved in hparams.yaml)."""
    return {
        "class_identifier": "referenceless_regression_metric" if reference_free else "regression_metric",
        "encoder_model": "BERT",
        "pretrained_model": str(Path(encoder_folder).resolve()),
        "pool": "avg",
        "layer": "mix",
        "layer_transformation": "softmax",
        "layer_norm": True,
        "loss": "mse",
        "dropout": 0.1,
        "batch_size": 8,
        "hidden_sizes": [32],
        "activations": "Tanh",
        "final_activation": None,
        "nr_frozen_epochs": 0.3,
        "keep_embeddings_frozen": True,
        "optimizer": "AdamW",
        "warmup_steps": 0,
        "encoder_learning_rate": 1.0e-06,
        "learning_rate": 1.5e-05,
        "layerwise_decay": 0.95,
        "train_data": [],
        "validation_data": [],
        "load_pretrained_weights": False,
        "local_files_only": True,
    }


def build_tiny_comet(folder: str | Path, encoder_folder: str | Path, reference_free: bool, seed: int = 0) -> Path:
    """Build a tiny COMET model on a local encoder and save it as ``folder/checkpoints/model.ckpt`` + hparams.yaml.

    ``reference_free=False`` gives a ``RegressionMetric`` (src, mt, ref); ``True`` a
    ``ReferencelessRegression`` (src, mt), the COMET-QE layout. Returns the checkpoint file.
    """
    import yaml

    from .comet import quiet_comet_import

    with quiet_comet_import():
        import pytorch_lightning
        from comet.models import ReferencelessRegression, RegressionMetric

    folder = Path(folder)
    (folder / "checkpoints").mkdir(parents=True, exist_ok=True)
    hparams = tiny_comet_hparams(encoder_folder, reference_free)
    init_args = {k: v for k, v in hparams.items() if k != "class_identifier"}
    init_args["load_pretrained_weights"] = True  # take the encoder's saved weights into the checkpoint
    model_class = ReferencelessRegression if reference_free else RegressionMetric
    torch.manual_seed(seed)
    model = model_class(**init_args)
    ckpt = folder / "checkpoints" / "model.ckpt"
    torch.save(
        {
            "state_dict": model.state_dict(),
            "hyper_parameters": {k: v for k, v in hparams.items() if k != "class_identifier"},
            "pytorch-lightning_version": pytorch_lightning.__version__,
            "epoch": 0,
            "global_step": 0,
        },
        ckpt,
    )
    (folder / "hparams.yaml").write_text(yaml.safe_dump(hparams, sort_keys=False), encoding="utf-8")
    return ckpt
