#include "kernels.hpp"

#include "eigen_kernels.hpp"

#if defined(GRADSCOPE_KERNELS_SIMD)
#include "float_kernels.hpp"
#include "lanes_simd128.hpp"
#elif defined(GRADSCOPE_KERNELS_SCALAR)
#include "float_kernels.hpp"
#include "lanes_scalar.hpp"
#elif !defined(GRADSCOPE_KERNELS_EIGEN)
#error "define one of GRADSCOPE_KERNELS_SIMD, GRADSCOPE_KERNELS_SCALAR, GRADSCOPE_KERNELS_EIGEN"
#endif

namespace gradscope::kernels {

namespace {

// Float<T>: the kernel set for T. Double always takes the Eigen reference.
template <typename T>
struct Float {
  static constexpr bool kLanes = false;
};
#if defined(GRADSCOPE_KERNELS_SIMD)
template <>
struct Float<float> {
  static constexpr bool kLanes = true;
  using P = Simd128Lanes;
};
constexpr const char* kBackend = "wasm-simd128";
#elif defined(GRADSCOPE_KERNELS_SCALAR)
template <>
struct Float<float> {
  static constexpr bool kLanes = true;
  using P = ScalarLanes;
};
constexpr const char* kBackend = "scalar";
#else
constexpr const char* kBackend = "eigen";
#endif

}  // namespace

const char* backend_name() { return kBackend; }

// Each entry forwards to lanes::f<P> for float in the SIMD and scalar builds, to eigen::f
// otherwise.
#if defined(GRADSCOPE_KERNELS_EIGEN)
#define GRADSCOPE_DISPATCH(f, ...) eigen::f(__VA_ARGS__)
#else
#define GRADSCOPE_DISPATCH(f, ...)                 \
  do {                                             \
    if constexpr (Float<T>::kLanes) {              \
      lanes::f<typename Float<T>::P>(__VA_ARGS__); \
    } else {                                       \
      eigen::f(__VA_ARGS__);                       \
    }                                              \
  } while (false)
#endif

template <typename T>
void affine_activate(Activation f, const Matrix<T>& w, const Matrix<T>& a_prev, const Vector<T>& b,
                     Matrix<T>& z, Matrix<T>& a, Matrix<T>* d) {
  GRADSCOPE_DISPATCH(affine_activate, f, w, a_prev, b, z, a, d);
}
template <typename T>
void activate(Activation f, const Matrix<T>& z, Matrix<T>& a, Matrix<T>* d) {
  GRADSCOPE_DISPATCH(activate, f, z, a, d);
}
template <typename T>
void transpose_times_hadamard(const Matrix<T>& w, const Matrix<T>& delta_next, const Matrix<T>& d,
                              Matrix<T>& delta) {
  GRADSCOPE_DISPATCH(transpose_times_hadamard, w, delta_next, d, delta);
}
template <typename T>
void outer_sum(const Matrix<T>& delta, const Matrix<T>& a_prev, T scale, Matrix<T>& dw,
               Vector<T>& db) {
  GRADSCOPE_DISPATCH(outer_sum, delta, a_prev, scale, dw, db);
}
template <typename T>
void sgd_step(Matrix<T>& w, Vector<T>& b, const Matrix<T>& delta, const Matrix<T>& a_prev, T step,
              T keep) {
  GRADSCOPE_DISPATCH(sgd_step, w, b, delta, a_prev, step, keep);
}
template <typename T>
void hadamard_in_place(Matrix<T>& delta, const Matrix<T>& d) {
  GRADSCOPE_DISPATCH(hadamard_in_place, delta, d);
}
template <typename T>
void difference_hadamard(const Matrix<T>& a, const Matrix<T>& y, const Matrix<T>& d,
                         Matrix<T>& delta) {
  GRADSCOPE_DISPATCH(difference_hadamard, a, y, d, delta);
}
#undef GRADSCOPE_DISPATCH

#define GRADSCOPE_INSTANTIATE(T)                                                                  \
  template void affine_activate<T>(Activation, const Matrix<T>&, const Matrix<T>&,                \
                                   const Vector<T>&, Matrix<T>&, Matrix<T>&, Matrix<T>*);         \
  template void activate<T>(Activation, const Matrix<T>&, Matrix<T>&, Matrix<T>*);                \
  template void transpose_times_hadamard<T>(const Matrix<T>&, const Matrix<T>&, const Matrix<T>&, \
                                            Matrix<T>&);                                          \
  template void outer_sum<T>(const Matrix<T>&, const Matrix<T>&, T, Matrix<T>&, Vector<T>&);      \
  template void sgd_step<T>(Matrix<T>&, Vector<T>&, const Matrix<T>&, const Matrix<T>&, T, T);    \
  template void hadamard_in_place<T>(Matrix<T>&, const Matrix<T>&);                               \
  template void difference_hadamard<T>(const Matrix<T>&, const Matrix<T>&, const Matrix<T>&,      \
                                       Matrix<T>&);
GRADSCOPE_INSTANTIATE(float)
GRADSCOPE_INSTANTIATE(double)
#undef GRADSCOPE_INSTANTIATE

}  // namespace gradscope::kernels
