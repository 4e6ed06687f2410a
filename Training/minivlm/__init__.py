"""PyTorch trainer for the miniature VLM family (docs/miniature-vlm.md)."""
