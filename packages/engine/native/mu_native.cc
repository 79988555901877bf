// Native 2-D convolutions for the wasm backend: oneDNN's forward, backward-data and
// backward-weights primitives, run in place on tensors of the wasm heap (NHWC activations,
// tfjs's [kh, kw, Ci, Co] filters). JavaScript passes typed-array views of the heap; nothing is
// copied except the filter, which is reordered to and from oneDNN's blocked layout.
#include <node_api.h>
#include <omp.h>

#include <array>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>

#include "dnnl.hpp"

namespace {

using dnnl::memory;
using tag = memory::format_tag;
using dt = memory::data_type;

// [N, H, W, Ci, Co, kh, kw, strideH, strideW, padTop, padBottom, padLeft, padRight, Ho, Wo]
constexpr size_t kGeometry = 15;
using Geometry = std::array<int64_t, kGeometry>;

struct Shapes {
  memory::dims src, weights, bias, dst, strides, padL, padR;
};

Shapes shapesOf(const Geometry& g) {
  return {{g[0], g[3], g[1], g[2]}, {g[4], g[3], g[5], g[6]}, {g[4]}, {g[0], g[4], g[13], g[14]},
          {g[7], g[8]}, {g[9], g[11]}, {g[10], g[12]}};
}

dnnl::engine& cpu() {
  static dnnl::engine engine(dnnl::engine::kind::cpu, 0);
  return engine;
}

dnnl::stream& stream() {
  static dnnl::stream s(cpu());
  return s;
}

memory::desc plain(const memory::dims& dims, tag t) { return memory::desc(dims, dt::f32, t); }
memory::desc any(const memory::dims& dims) { return memory::desc(dims, dt::f32, tag::any); }

// The forward descriptor that backward primitives take as their hint.
dnnl::convolution_forward::primitive_desc forwardHint(const Shapes& s, bool bias) {
  auto desc = bias ? dnnl::convolution_forward::desc(dnnl::prop_kind::forward_training, dnnl::algorithm::convolution_direct,
                                                      plain(s.src, tag::nhwc), any(s.weights), plain(s.bias, tag::x),
                                                      plain(s.dst, tag::nhwc), s.strides, s.padL, s.padR)
                   : dnnl::convolution_forward::desc(dnnl::prop_kind::forward_training, dnnl::algorithm::convolution_direct,
                                                      plain(s.src, tag::nhwc), any(s.weights), plain(s.dst, tag::nhwc),
                                                      s.strides, s.padL, s.padR);
  return {desc, cpu()};
}

// One convolution of one geometry: its primitive, and the filter in oneDNN's layout with the
// reorder between that and tfjs's hwio (none when oneDNN picks hwio itself).
struct Plan {
  dnnl::primitive conv;
  memory blockedWeights;
  dnnl::reorder weightsReorder;
  bool reorderWeights = false;
};

struct Key {
  int kind;  // 0 forward, 1 forward + bias, 2 forward + bias + ReLU, 3 forward + ReLU, 4 dx, 5 dW
  Geometry g;
  bool operator<(const Key& o) const { return kind != o.kind ? kind < o.kind : g < o.g; }
};

std::map<Key, std::unique_ptr<Plan>>& plans() {
  static std::map<Key, std::unique_ptr<Plan>> cache;
  return cache;
}

void setWeights(Plan& plan, const memory::desc& chosen, const Shapes& s, bool toBlocked) {
  auto user = plain(s.weights, tag::hwio);
  plan.reorderWeights = chosen != user;
  if (!plan.reorderWeights) return;
  plan.blockedWeights = memory(chosen, cpu());
  auto userMemory = memory(user, cpu(), DNNL_MEMORY_NONE);
  plan.weightsReorder = toBlocked ? dnnl::reorder(userMemory, plan.blockedWeights)
                                  : dnnl::reorder(plan.blockedWeights, userMemory);
}

Plan& plan(int kind, const Geometry& g) {
  auto& cache = plans();
  auto found = cache.find({kind, g});
  if (found != cache.end()) return *found->second;
  auto s = shapesOf(g);
  auto p = std::make_unique<Plan>();
  if (kind <= 3) {
    bool bias = kind == 1 || kind == 2;
    bool relu = kind == 2 || kind == 3;
    dnnl::primitive_attr attr;
    if (relu) {
      dnnl::post_ops ops;
      ops.append_eltwise(1.f, dnnl::algorithm::eltwise_relu, 0.f, 0.f);
      attr.set_post_ops(ops);
    }
    auto desc = bias ? dnnl::convolution_forward::desc(dnnl::prop_kind::forward_inference, dnnl::algorithm::convolution_direct,
                                                        plain(s.src, tag::nhwc), any(s.weights), plain(s.bias, tag::x),
                                                        plain(s.dst, tag::nhwc), s.strides, s.padL, s.padR)
                     : dnnl::convolution_forward::desc(dnnl::prop_kind::forward_inference, dnnl::algorithm::convolution_direct,
                                                        plain(s.src, tag::nhwc), any(s.weights), plain(s.dst, tag::nhwc),
                                                        s.strides, s.padL, s.padR);
    dnnl::convolution_forward::primitive_desc pd(desc, attr, cpu());
    setWeights(*p, pd.weights_desc(), s, true);
    p->conv = dnnl::convolution_forward(pd);
  } else if (kind == 4) {
    dnnl::convolution_backward_data::desc desc(dnnl::algorithm::convolution_direct, plain(s.src, tag::nhwc), any(s.weights),
                                               plain(s.dst, tag::nhwc), s.strides, s.padL, s.padR);
    dnnl::convolution_backward_data::primitive_desc pd(desc, cpu(), forwardHint(s, false));
    setWeights(*p, pd.weights_desc(), s, true);
    p->conv = dnnl::convolution_backward_data(pd);
  } else {
    dnnl::convolution_backward_weights::desc desc(dnnl::algorithm::convolution_direct, plain(s.src, tag::nhwc),
                                                  any(s.weights), plain(s.dst, tag::nhwc), s.strides, s.padL, s.padR);
    dnnl::convolution_backward_weights::primitive_desc pd(desc, cpu(), forwardHint(s, false));
    setWeights(*p, pd.diff_weights_desc(), s, false);
    p->conv = dnnl::convolution_backward_weights(pd);
  }
  return *cache.emplace(Key{kind, g}, std::move(p)).first->second;
}

// --- N-API glue -------------------------------------------------------------------------------

struct JsError {
  std::string message;
};

void check(napi_env env, napi_status status, const char* what) {
  if (status != napi_ok) throw JsError{std::string("mu_native: ") + what};
}

float* floats(napi_env env, napi_value value, size_t expected, const char* name) {
  napi_typedarray_type type;
  size_t length;
  void* data;
  check(env, napi_get_typedarray_info(env, value, &type, &length, &data, nullptr, nullptr), name);
  if (type != napi_float32_array) throw JsError{std::string("mu_native: ") + name + " must be a Float32Array"};
  if (length != expected) {
    throw JsError{std::string("mu_native: ") + name + " has " + std::to_string(length) + " floats, expected " +
                  std::to_string(expected)};
  }
  return static_cast<float*>(data);
}

Geometry geometry(napi_env env, napi_value value) {
  Geometry g;
  uint32_t length;
  check(env, napi_get_array_length(env, value, &length), "geometry must be an array");
  if (length != kGeometry) throw JsError{"mu_native: geometry must have 15 numbers"};
  for (uint32_t i = 0; i < kGeometry; i++) {
    napi_value item;
    check(env, napi_get_element(env, value, i, &item), "geometry");
    check(env, napi_get_value_int64(env, item, &g[i]), "geometry must hold integers");
  }
  return g;
}

int64_t count(const memory::dims& dims) {
  int64_t n = 1;
  for (auto d : dims) n *= d;
  return n;
}

template <size_t N>
std::array<napi_value, N> arguments(napi_env env, napi_callback_info info) {
  std::array<napi_value, N> args;
  size_t argc = N;
  check(env, napi_get_cb_info(env, info, &argc, args.data(), nullptr, nullptr), "arguments");
  if (argc != N) throw JsError{"mu_native: expected " + std::to_string(N) + " arguments"};
  return args;
}

// Runs the convolution with the filter in tfjs's layout; `weightsArg` is DNNL_ARG_WEIGHTS or DNNL_ARG_DIFF_WEIGHTS.
void run(Plan& p, const Shapes& s, std::unordered_map<int, memory> args, int weightsArg, float* weights) {
  memory user(plain(s.weights, tag::hwio), cpu(), weights);
  bool input = weightsArg == DNNL_ARG_WEIGHTS;
  if (p.reorderWeights && input) p.weightsReorder.execute(stream(), user, p.blockedWeights);
  args[weightsArg] = p.reorderWeights ? p.blockedWeights : user;
  p.conv.execute(stream(), args);
  if (p.reorderWeights && !input) p.weightsReorder.execute(stream(), p.blockedWeights, user);
  stream().wait();
}

// forward(x, w, bias | null, y, geometry, relu)
napi_value Forward(napi_env env, napi_callback_info info) {
  auto a = arguments<6>(env, info);
  auto g = geometry(env, a[4]);
  auto s = shapesOf(g);
  napi_valuetype biasType;
  check(env, napi_typeof(env, a[2], &biasType), "bias");
  bool bias = biasType != napi_null;
  bool relu;
  check(env, napi_get_value_bool(env, a[5], &relu), "relu must be a boolean");
  int kind = bias ? (relu ? 2 : 1) : (relu ? 3 : 0);
  auto& p = plan(kind, g);
  std::unordered_map<int, memory> args{
      {DNNL_ARG_SRC, memory(plain(s.src, tag::nhwc), cpu(), floats(env, a[0], count(s.src), "x"))},
      {DNNL_ARG_DST, memory(plain(s.dst, tag::nhwc), cpu(), floats(env, a[3], count(s.dst), "y"))}};
  if (bias) args[DNNL_ARG_BIAS] = memory(plain(s.bias, tag::x), cpu(), floats(env, a[2], count(s.bias), "bias"));
  run(p, s, args, DNNL_ARG_WEIGHTS, floats(env, a[1], count(s.weights), "filter"));
  return nullptr;
}

// backwardData(dy, w, dx, geometry)
napi_value BackwardData(napi_env env, napi_callback_info info) {
  auto a = arguments<4>(env, info);
  auto g = geometry(env, a[3]);
  auto s = shapesOf(g);
  auto& p = plan(4, g);
  run(p, s,
      {{DNNL_ARG_DIFF_DST, memory(plain(s.dst, tag::nhwc), cpu(), floats(env, a[0], count(s.dst), "dy"))},
       {DNNL_ARG_DIFF_SRC, memory(plain(s.src, tag::nhwc), cpu(), floats(env, a[2], count(s.src), "dx"))}},
      DNNL_ARG_WEIGHTS, floats(env, a[1], count(s.weights), "filter"));
  return nullptr;
}

// backwardWeights(x, dy, dw, geometry)
napi_value BackwardWeights(napi_env env, napi_callback_info info) {
  auto a = arguments<4>(env, info);
  auto g = geometry(env, a[3]);
  auto s = shapesOf(g);
  auto& p = plan(5, g);
  run(p, s,
      {{DNNL_ARG_SRC, memory(plain(s.src, tag::nhwc), cpu(), floats(env, a[0], count(s.src), "x"))},
       {DNNL_ARG_DIFF_DST, memory(plain(s.dst, tag::nhwc), cpu(), floats(env, a[1], count(s.dst), "dy"))}},
      DNNL_ARG_DIFF_WEIGHTS, floats(env, a[2], count(s.weights), "dW"));
  return nullptr;
}

napi_value SetThreads(napi_env env, napi_callback_info info) {
  auto a = arguments<1>(env, info);
  int32_t threads;
  check(env, napi_get_value_int32(env, a[0], &threads), "threads must be an integer");
  if (threads < 1) throw JsError{"mu_native: threads must be at least 1"};
  omp_set_num_threads(threads);
  return nullptr;
}

napi_value Threads(napi_env env, napi_callback_info) {
  napi_value result;
  check(env, napi_create_int32(env, omp_get_max_threads(), &result), "threads");
  return result;
}

napi_value Version(napi_env env, napi_callback_info) {
  auto v = dnnl::version();
  auto text = "oneDNN " + std::to_string(v->major) + "." + std::to_string(v->minor) + "." + std::to_string(v->patch);
  napi_value result;
  check(env, napi_create_string_utf8(env, text.c_str(), text.size(), &result), "version");
  return result;
}

// Turns C++ and oneDNN exceptions into one-line JavaScript errors.
template <napi_value (*F)(napi_env, napi_callback_info)>
napi_value guarded(napi_env env, napi_callback_info info) {
  try {
    return F(env, info);
  } catch (const JsError& e) {
    napi_throw_error(env, nullptr, e.message.c_str());
  } catch (const dnnl::error& e) {
    napi_throw_error(env, nullptr, (std::string("mu_native: oneDNN: ") + e.what()).c_str());
  } catch (const std::exception& e) {
    napi_throw_error(env, nullptr, (std::string("mu_native: ") + e.what()).c_str());
  }
  return nullptr;
}

napi_value Init(napi_env env, napi_value exports) {
  napi_property_descriptor properties[] = {
      {"forward", nullptr, guarded<Forward>, nullptr, nullptr, nullptr, napi_default_method, nullptr},
      {"backwardData", nullptr, guarded<BackwardData>, nullptr, nullptr, nullptr, napi_default_method, nullptr},
      {"backwardWeights", nullptr, guarded<BackwardWeights>, nullptr, nullptr, nullptr, napi_default_method, nullptr},
      {"setThreads", nullptr, guarded<SetThreads>, nullptr, nullptr, nullptr, napi_default_method, nullptr},
      {"threads", nullptr, guarded<Threads>, nullptr, nullptr, nullptr, napi_default_method, nullptr},
      {"version", nullptr, guarded<Version>, nullptr, nullptr, nullptr, napi_default_method, nullptr},
  };
  napi_define_properties(env, exports, sizeof(properties) / sizeof(properties[0]), properties);
  return exports;
}

}  // namespace

NAPI_MODULE(NODE_GYP_MODULE_NAME, Init)
