"""Labels in and out of other formats: export (Label Studio's converter), COCO/YOLO
imports, and the sample data the notebooks use."""
