// oneDNN's forward, backward-data and backward-weights convolutions on caller-owned buffers
// (NHWC activations, tfjs's [kh, kw, Ci, Co] filters), behind the plain C interface of
// muConvolutions.h; nothing is copied except the filter, which is reordered to and from oneDNN's
// blocked layout. Built as libmu_dnnl.so and loaded by mu_native.node (see there for why).
#include <omp.h>

#include <array>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "dnnl.hpp"
#include "muConvolutions.h"

namespace {

using dnnl::memory;
using tag = memory::format_tag;
using dt = memory::data_type;

using Geometry = std::array<int64_t, MU_GEOMETRY_LENGTH>;

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

// A forward convolution on NHWC activations, with the filter in the layout oneDNN picks.
dnnl::convolution_forward::desc forwardDesc(dnnl::prop_kind kind, const Shapes& s, bool bias) {
  return bias ? dnnl::convolution_forward::desc(kind, dnnl::algorithm::convolution_direct, plain(s.src, tag::nhwc),
                                                any(s.weights), plain(s.bias, tag::x), plain(s.dst, tag::nhwc),
                                                s.strides, s.padL, s.padR)
              : dnnl::convolution_forward::desc(kind, dnnl::algorithm::convolution_direct, plain(s.src, tag::nhwc),
                                                any(s.weights), plain(s.dst, tag::nhwc), s.strides, s.padL, s.padR);
}

// The forward descriptor that backward primitives take as their hint.
dnnl::convolution_forward::primitive_desc forwardHint(const Shapes& s, bool bias) {
  return {forwardDesc(dnnl::prop_kind::forward_training, s, bias), cpu()};
}

// One convolution of one geometry: its primitive, and the filter in oneDNN's layout with the
// reorder between that and tfjs's hwio (none when oneDNN picks hwio itself).
struct Plan {
  dnnl::primitive conv;
  memory blockedWeights;
  dnnl::reorder weightsReorder;
  bool reorderWeights = false;
};

// oneDNN splits the work among the threads it has when a primitive is created, so a plan is
// made per thread count.
struct Key {
  int kind;  // 0 forward, 1 forward + bias, 2 forward + bias + ReLU, 3 forward + ReLU, 4 dx, 5 dW
  Geometry g;
  int threads;
  bool operator<(const Key& o) const {
    return kind != o.kind ? kind < o.kind : threads != o.threads ? threads < o.threads : g < o.g;
  }
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
  Key key{kind, g, omp_get_max_threads()};
  auto found = cache.find(key);
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
    dnnl::convolution_forward::primitive_desc pd(forwardDesc(dnnl::prop_kind::forward_inference, s, bias), attr, cpu());
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
  return *cache.emplace(key, std::move(p)).first->second;
}


int64_t count(const memory::dims& dims) {
  int64_t n = 1;
  for (auto d : dims) n *= d;
  return n;
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

// Plans and their blocked filters are shared, so calls from several JavaScript threads take turns.
std::mutex& lock() {
  static std::mutex m;
  return m;
}

thread_local std::string lastError;

// Runs `body` under the lock; returns null, or the error's message.
template <typename F>
const char* guarded(F body) {
  try {
    std::lock_guard<std::mutex> hold(lock());
    body();
    return nullptr;
  } catch (const dnnl::error& e) {
    lastError = std::string("oneDNN: ") + e.what();
  } catch (const std::exception& e) {
    lastError = e.what();
  }
  return lastError.c_str();
}

Geometry geometry(const int64_t* g) {
  Geometry out;
  std::copy(g, g + MU_GEOMETRY_LENGTH, out.begin());
  return out;
}

}  // namespace

extern "C" {

const char* mu_forward(const float* x, const float* filter, const float* bias, float* y, const int64_t* g, int relu) {
  return guarded([&] {
    auto s = shapesOf(geometry(g));
    int kind = bias != nullptr ? (relu ? 2 : 1) : (relu ? 3 : 0);
    auto& p = plan(kind, geometry(g));
    std::unordered_map<int, memory> args{
        {DNNL_ARG_SRC, memory(plain(s.src, tag::nhwc), cpu(), const_cast<float*>(x))},
        {DNNL_ARG_DST, memory(plain(s.dst, tag::nhwc), cpu(), y)}};
    if (bias != nullptr) args[DNNL_ARG_BIAS] = memory(plain(s.bias, tag::x), cpu(), const_cast<float*>(bias));
    run(p, s, args, DNNL_ARG_WEIGHTS, const_cast<float*>(filter));
  });
}

const char* mu_backward_data(const float* dy, const float* filter, float* dx, const int64_t* g) {
  return guarded([&] {
    auto s = shapesOf(geometry(g));
    auto& p = plan(4, geometry(g));
    run(p, s,
        {{DNNL_ARG_DIFF_DST, memory(plain(s.dst, tag::nhwc), cpu(), const_cast<float*>(dy))},
         {DNNL_ARG_DIFF_SRC, memory(plain(s.src, tag::nhwc), cpu(), dx)}},
        DNNL_ARG_WEIGHTS, const_cast<float*>(filter));
  });
}

const char* mu_backward_weights(const float* x, const float* dy, float* dW, const int64_t* g) {
  return guarded([&] {
    auto s = shapesOf(geometry(g));
    auto& p = plan(5, geometry(g));
    run(p, s,
        {{DNNL_ARG_SRC, memory(plain(s.src, tag::nhwc), cpu(), const_cast<float*>(x))},
         {DNNL_ARG_DIFF_DST, memory(plain(s.dst, tag::nhwc), cpu(), const_cast<float*>(dy))}},
        DNNL_ARG_DIFF_WEIGHTS, dW);
  });
}

int64_t mu_sizes(const int64_t* g, int64_t* sizes) {
  auto s = shapesOf(geometry(g));
  sizes[0] = count(s.src);
  sizes[1] = count(s.weights);
  sizes[2] = count(s.bias);
  sizes[3] = count(s.dst);
  return 4;
}

void mu_set_threads(int threads) { omp_set_num_threads(threads); }

int mu_threads(void) { return omp_get_max_threads(); }

const char* mu_version(void) {
  static std::string text = [] {
    auto v = dnnl::version();
    return "oneDNN " + std::to_string(v->major) + "." + std::to_string(v->minor) + "." + std::to_string(v->patch);
  }();
  return text.c_str();
}

}  // extern "C"
