from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
SPECS = SHARED / "openapi"
TRAFFIC = SHARED / "kimai-2.31-traffic"
