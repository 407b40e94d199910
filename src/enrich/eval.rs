//! Evaluation against the annotated paragraphs in `tests/fixtures/entities/`.
