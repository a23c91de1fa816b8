"""Times lifetimes and swift-crm on the same summaries; see compare-lifetimes."""
import json
import subprocess
import sys
import time
import warnings

import pandas as pd
from lifetimes import BetaGeoFitter, GammaGammaFitter

warnings.filterwarnings("ignore")
data_path, swift_binary = sys.argv[1], sys.argv[2]
data = pd.read_csv(data_path)

start = time.perf_counter()
bgnbd = BetaGeoFitter().fit(data["frequency"], data["recency"], data["T"])
repeaters = data[data["frequency"] > 0]
gamma_gamma = GammaGammaFitter().fit(repeaters["frequency"], repeaters["monetary_value"])
python_seconds = time.perf_counter() - start

swift = json.loads(subprocess.run([swift_binary, "--fit-summaries", data_path], check=True, capture_output=True,
                                  text=True).stdout.strip().splitlines()[-1])

print(f"customers: {len(data)}, repeat buyers: {len(repeaters)}")
print(f"{'':12}{'lifetimes':>14}{'swift-crm':>14}")
print(f"{'seconds':12}{python_seconds:>14.3f}{swift['seconds']:>14.3f}")
for name, value in list(bgnbd.params_.items()) + list(gamma_gamma.params_.items()):
    print(f"{name:12}{value:>14.4f}{swift[name]:>14.4f}")
print(f"swift-crm is {python_seconds / swift['seconds']:.1f} times as fast (goal: at least 20)")
