import json, sys, types, copy
class CfgNode(dict):
    def __getattr__(self, k):
        if k.startswith("__"):
            raise AttributeError(k)
        return self[k]
    def __setattr__(self, k, v):
        self[k] = v
    def freeze(self):
        pass
    def register_deprecated_key(self, k):
        pass
    def clone(self):
        return json.loads(json.dumps(self), object_hook=CfgNode)
yacs = types.ModuleType("yacs"); yc = types.ModuleType("yacs.config"); yc.CfgNode = CfgNode
io = types.ModuleType("pycls.core.io"); io.pathmgr = None
sys.modules.update({"yacs": yacs, "yacs.config": yc, "pycls": types.ModuleType("pycls"),
                    "pycls.core": types.ModuleType("pycls.core"), "pycls.core.io": io})
src = open("config.py").read().split("def assert_cfg")[0]
ns = {}
exec(src, ns)
base = ns["_C"]

def cfg(model_type, section, keys, im_size, classes, dataset, epochs, lr, wd, seed, out_dir):
    c = json.loads(json.dumps(base), object_hook=CfgNode)
    c["MODEL"]["TYPE"] = model_type
    c["MODEL"]["NUM_CLASSES"] = classes
    c[section].update(keys)
    c["TRAIN"]["DATASET"] = dataset; c["TEST"]["DATASET"] = dataset
    c["TRAIN"]["IM_SIZE"] = im_size; c["TEST"]["IM_SIZE"] = im_size
    c["TRAIN"]["SPLIT"] = "train"; c["TEST"]["SPLIT"] = "test"
    c["OPTIM"]["MAX_EPOCH"] = epochs; c["OPTIM"]["BASE_LR"] = lr; c["OPTIM"]["WEIGHT_DECAY"] = wd
    c["RNG_SEED"] = seed; c["OUT_DIR"] = out_dir
    return json.loads(json.dumps(c))

json.dump(cfg, sys.stdout) if False else None
jobs = json.load(open(sys.argv[1]))   # [{cfg args..., complexity..., test, train}]
out = []
for j in jobs:
    c = cfg(**j["cfg"])
    log = "sweeps/cifar_demo/logs/%s/stdout.log" % j["name"]
    e = {"cfg": c, "complexity": j["complexity"], "log_file": log,
         "err_file": log.replace("stdout.log", "stderr.log"), "err": ""}
    for phase, rows in (("train_epoch", j["train"]), ("test_epoch", j["test"])):
        if not rows:
            continue
        d = {k: [r[k] for r in rows] for k in sorted(rows[0])}
        d["epoch_ind"] = [int(x.split("/")[0]) for x in d["epoch"]]
        d["epoch_max"] = [int(x.split("/")[1]) for x in d["epoch"]]
        e[phase] = d
    out.append(e)
json.dump(out, sys.stdout, sort_keys=True)
