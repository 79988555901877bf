// N-API glue for the native convolutions and batch norm: checks JavaScript's arguments (typed-array views of the
// wasm heap, a SharedArrayBuffer in the threaded build) and calls the oneDNN convolutions of
// libmu_dnnl.so (dnnlConvolutions.cc) on their memory in place.
//
// libmu_dnnl.so is opened here rather than linked, so that OMP_WAIT_POLICY is set before libgomp
// (oneDNN's threading) reads its environment: by default idle OpenMP threads spin after each
// parallel region and starve the wasm backend's own pool threads of the cores (a resnet18-w8 step
// ran 3× slower). Setting it from JavaScript would not do: a worker thread's process.env is a copy.
#include <dlfcn.h>
#include <node_api.h>

#include <array>
#include <cstdlib>
#include <string>

#include "muConvolutions.h"

namespace {

struct Api {
  decltype(&mu_forward) forward;
  decltype(&mu_backward_data) backwardData;
  decltype(&mu_backward_weights) backwardWeights;
  decltype(&mu_batch_norm_forward) batchNormForward;
  decltype(&mu_batch_norm_backward) batchNormBackward;
  decltype(&mu_sizes) sizes;
  decltype(&mu_set_threads) setThreads;
  decltype(&mu_threads) threads;
  decltype(&mu_version) version;
};

Api api;

struct JsError {
  std::string message;
};

void check(napi_status status, const char* what) {
  if (status != napi_ok) throw JsError{std::string("mu_native: ") + what};
}

// The library beside this addon, opened once per process.
void openLibrary() {
  if (api.forward != nullptr) return;
  setenv("OMP_WAIT_POLICY", "passive", 0);
  Dl_info self;
  if (dladdr(reinterpret_cast<void*>(&openLibrary), &self) == 0) throw JsError{"mu_native: cannot locate itself"};
  std::string path(self.dli_fname);
  path = path.substr(0, path.find_last_of('/') + 1) + "libmu_dnnl.so";
  void* library = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (library == nullptr) throw JsError{std::string("mu_native: ") + dlerror()};
  auto symbol = [&](const char* name) {
    void* found = dlsym(library, name);
    if (found == nullptr) throw JsError{std::string("mu_native: ") + name + " missing from " + path};
    return found;
  };
  api = {reinterpret_cast<decltype(&mu_forward)>(symbol("mu_forward")),
         reinterpret_cast<decltype(&mu_backward_data)>(symbol("mu_backward_data")),
         reinterpret_cast<decltype(&mu_backward_weights)>(symbol("mu_backward_weights")),
         reinterpret_cast<decltype(&mu_batch_norm_forward)>(symbol("mu_batch_norm_forward")),
         reinterpret_cast<decltype(&mu_batch_norm_backward)>(symbol("mu_batch_norm_backward")),
         reinterpret_cast<decltype(&mu_sizes)>(symbol("mu_sizes")),
         reinterpret_cast<decltype(&mu_set_threads)>(symbol("mu_set_threads")),
         reinterpret_cast<decltype(&mu_threads)>(symbol("mu_threads")),
         reinterpret_cast<decltype(&mu_version)>(symbol("mu_version"))};
}

float* floats(napi_env env, napi_value value, int64_t expected, const char* name) {
  napi_typedarray_type type;
  size_t length;
  void* data;
  check(napi_get_typedarray_info(env, value, &type, &length, &data, nullptr, nullptr), name);
  if (type != napi_float32_array) throw JsError{std::string("mu_native: ") + name + " must be a Float32Array"};
  if (static_cast<int64_t>(length) != expected) {
    throw JsError{std::string("mu_native: ") + name + " has " + std::to_string(length) + " floats, expected " +
                  std::to_string(expected)};
  }
  return static_cast<float*>(data);
}

using Geometry = std::array<int64_t, MU_GEOMETRY_LENGTH>;

Geometry geometry(napi_env env, napi_value value) {
  Geometry g;
  uint32_t length;
  check(napi_get_array_length(env, value, &length), "geometry must be an array");
  if (length != MU_GEOMETRY_LENGTH) throw JsError{"mu_native: geometry must have 15 numbers"};
  for (uint32_t i = 0; i < MU_GEOMETRY_LENGTH; i++) {
    napi_value item;
    check(napi_get_element(env, value, i, &item), "geometry");
    check(napi_get_value_int64(env, item, &g[i]), "geometry must hold integers");
    if (g[i] < (i >= 9 && i <= 12 ? 0 : 1)) throw JsError{"mu_native: geometry out of range at " + std::to_string(i)};
  }
  return g;
}

// Floats in x, the filter, the bias and y.
std::array<int64_t, 4> sizes(const Geometry& g) {
  std::array<int64_t, 4> out;
  api.sizes(g.data(), out.data());
  return out;
}

template <size_t N>
std::array<napi_value, N> arguments(napi_env env, napi_callback_info info) {
  std::array<napi_value, N> args;
  size_t argc = N;
  check(napi_get_cb_info(env, info, &argc, args.data(), nullptr, nullptr), "arguments");
  if (argc != N) throw JsError{"mu_native: expected " + std::to_string(N) + " arguments"};
  return args;
}

void succeed(const char* error) {
  if (error != nullptr) throw JsError{std::string("mu_native: ") + error};
}

// forward(x, filter, bias | null, y, geometry, relu)
napi_value Forward(napi_env env, napi_callback_info info) {
  auto a = arguments<6>(env, info);
  auto g = geometry(env, a[4]);
  auto n = sizes(g);
  napi_valuetype biasType;
  check(napi_typeof(env, a[2], &biasType), "bias");
  bool relu;
  check(napi_get_value_bool(env, a[5], &relu), "relu must be a boolean");
  float* bias = biasType == napi_null ? nullptr : floats(env, a[2], n[2], "bias");
  succeed(api.forward(floats(env, a[0], n[0], "x"), floats(env, a[1], n[1], "filter"), bias,
                      floats(env, a[3], n[3], "y"), g.data(), relu));
  return nullptr;
}

// backwardData(dy, filter, dx, geometry)
napi_value BackwardData(napi_env env, napi_callback_info info) {
  auto a = arguments<4>(env, info);
  auto g = geometry(env, a[3]);
  auto n = sizes(g);
  succeed(api.backwardData(floats(env, a[0], n[3], "dy"), floats(env, a[1], n[1], "filter"),
                           floats(env, a[2], n[0], "dx"), g.data()));
  return nullptr;
}

// backwardWeights(x, dy, dW, geometry)
napi_value BackwardWeights(napi_env env, napi_callback_info info) {
  auto a = arguments<4>(env, info);
  auto g = geometry(env, a[3]);
  auto n = sizes(g);
  succeed(api.backwardWeights(floats(env, a[0], n[0], "x"), floats(env, a[1], n[3], "dy"),
                              floats(env, a[2], n[1], "dW"), g.data()));
  return nullptr;
}

// The length of a Float32Array view.
int64_t lengthOf(napi_env env, napi_value value, const char* name) {
  napi_typedarray_type type;
  size_t length;
  check(napi_get_typedarray_info(env, value, &type, &length, nullptr, nullptr, nullptr), name);
  return static_cast<int64_t>(length);
}

double number(napi_env env, napi_value value, const char* name) {
  double result;
  check(napi_get_value_double(env, value, &result), name);
  return result;
}

// Rows and channels of NHWC data from the lengths of x and γ.
std::array<int64_t, 2> rowsAndChannels(napi_env env, napi_value x, napi_value gamma) {
  int64_t channels = lengthOf(env, gamma, "gamma");
  int64_t size = lengthOf(env, x, "x");
  if (channels < 1 || size < 1 || size % channels != 0) throw JsError{"mu_native: x's length is not a multiple of γ's"};
  return {size / channels, channels};
}

// batchNormForward(x, gamma, beta, y, mean, variance, epsilon)
napi_value BatchNormForward(napi_env env, napi_callback_info info) {
  auto a = arguments<7>(env, info);
  auto [rows, channels] = rowsAndChannels(env, a[0], a[1]);
  api.batchNormForward(floats(env, a[0], rows * channels, "x"), floats(env, a[1], channels, "gamma"),
                       floats(env, a[2], channels, "beta"), floats(env, a[3], rows * channels, "y"),
                       floats(env, a[4], channels, "mean"), floats(env, a[5], channels, "variance"), rows, channels,
                       number(env, a[6], "epsilon must be a number"));
  return nullptr;
}

// batchNormBackward(dy, x, mean, variance, gamma, dx, dGamma, dBeta, epsilon)
napi_value BatchNormBackward(napi_env env, napi_callback_info info) {
  auto a = arguments<9>(env, info);
  auto [rows, channels] = rowsAndChannels(env, a[1], a[4]);
  api.batchNormBackward(floats(env, a[0], rows * channels, "dy"), floats(env, a[1], rows * channels, "x"),
                        floats(env, a[2], channels, "mean"), floats(env, a[3], channels, "variance"),
                        floats(env, a[4], channels, "gamma"), floats(env, a[5], rows * channels, "dx"),
                        floats(env, a[6], channels, "dGamma"), floats(env, a[7], channels, "dBeta"), rows, channels,
                        number(env, a[8], "epsilon must be a number"));
  return nullptr;
}

napi_value SetThreads(napi_env env, napi_callback_info info) {
  auto a = arguments<1>(env, info);
  int32_t threads;
  check(napi_get_value_int32(env, a[0], &threads), "threads must be an integer");
  if (threads < 1) throw JsError{"mu_native: threads must be at least 1"};
  api.setThreads(threads);
  return nullptr;
}

napi_value Threads(napi_env env, napi_callback_info) {
  napi_value result;
  check(napi_create_int32(env, api.threads(), &result), "threads");
  return result;
}

napi_value Version(napi_env env, napi_callback_info) {
  napi_value result;
  check(napi_create_string_utf8(env, api.version(), NAPI_AUTO_LENGTH, &result), "version");
  return result;
}

// Turns C++ exceptions into one-line JavaScript errors.
template <napi_value (*F)(napi_env, napi_callback_info)>
napi_value guarded(napi_env env, napi_callback_info info) {
  try {
    return F(env, info);
  } catch (const JsError& e) {
    napi_throw_error(env, nullptr, e.message.c_str());
  } catch (const std::exception& e) {
    napi_throw_error(env, nullptr, (std::string("mu_native: ") + e.what()).c_str());
  }
  return nullptr;
}

napi_value Init(napi_env env, napi_value exports) {
  try {
    openLibrary();
  } catch (const JsError& e) {
    napi_throw_error(env, nullptr, e.message.c_str());
    return nullptr;
  }
  napi_property_descriptor properties[] = {
      {"forward", nullptr, guarded<Forward>, nullptr, nullptr, nullptr, napi_default_method, nullptr},
      {"backwardData", nullptr, guarded<BackwardData>, nullptr, nullptr, nullptr, napi_default_method, nullptr},
      {"backwardWeights", nullptr, guarded<BackwardWeights>, nullptr, nullptr, nullptr, napi_default_method, nullptr},
      {"batchNormForward", nullptr, guarded<BatchNormForward>, nullptr, nullptr, nullptr, napi_default_method, nullptr},
      {"batchNormBackward", nullptr, guarded<BatchNormBackward>, nullptr, nullptr, nullptr, napi_default_method, nullptr},
      {"setThreads", nullptr, guarded<SetThreads>, nullptr, nullptr, nullptr, napi_default_method, nullptr},
      {"threads", nullptr, guarded<Threads>, nullptr, nullptr, nullptr, napi_default_method, nullptr},
      {"version", nullptr, guarded<Version>, nullptr, nullptr, nullptr, napi_default_method, nullptr},
  };
  napi_define_properties(env, exports, sizeof(properties) / sizeof(properties[0]), properties);
  return exports;
}

}  // namespace

NAPI_MODULE(NODE_GYP_MODULE_NAME, Init)
