#include "kernels.hpp"

#include "eigen_kernels.hpp"

namespace gradscope::kernels {

const char* backend_name() { return "eigen"; }

template <typename T>
void affine(const Matrix<T>& w, const Matrix<T>& a_prev, const Vector<T>& b, Matrix<T>& z) {
  eigen::affine(w, a_prev, b, z);
}
template <typename T>
void transpose_times(const Matrix<T>& w, const Matrix<T>& delta, Matrix<T>& out) {
  eigen::transpose_times(w, delta, out);
}
template <typename T>
void outer_sum(const Matrix<T>& delta, const Matrix<T>& a_prev, T scale, Matrix<T>& dw,
               Vector<T>& db) {
  eigen::outer_sum(delta, a_prev, scale, dw, db);
}
template <typename T>
void activate(Activation f, const Matrix<T>& z, Matrix<T>& a, Matrix<T>* d) {
  eigen::activate(f, z, a, d);
}
template <typename T>
void hadamard_in_place(Matrix<T>& delta, const Matrix<T>& d) {
  eigen::hadamard_in_place(delta, d);
}
template <typename T>
void sgd_update(Matrix<T>& w, Vector<T>& b, const Matrix<T>& dw, const Vector<T>& db, T eta,
                T keep) {
  eigen::sgd_update(w, b, dw, db, eta, keep);
}

#define GRADSCOPE_INSTANTIATE(T)                                                               \
  template void affine<T>(const Matrix<T>&, const Matrix<T>&, const Vector<T>&, Matrix<T>&);   \
  template void transpose_times<T>(const Matrix<T>&, const Matrix<T>&, Matrix<T>&);            \
  template void outer_sum<T>(const Matrix<T>&, const Matrix<T>&, T, Matrix<T>&, Vector<T>&);   \
  template void activate<T>(Activation, const Matrix<T>&, Matrix<T>&, Matrix<T>*);             \
  template void hadamard_in_place<T>(Matrix<T>&, const Matrix<T>&);                            \
  template void sgd_update<T>(Matrix<T>&, Vector<T>&, const Matrix<T>&, const Vector<T>&, T, T);
GRADSCOPE_INSTANTIATE(float)
GRADSCOPE_INSTANTIATE(double)
#undef GRADSCOPE_INSTANTIATE

}  // namespace gradscope::kernels
