// The FAISS side of the gallery-scan benchmark: Program.cs compiles this file (g++, against Debian's libfaiss-dev),
// starts it with the path of a data file it wrote, and drives it over stdin/stdout so that FAISS's rounds interleave
// with its own on the same data.
//
// Data file (little-endian): int32 rows, int32 dim, int32 probes, then rows*dim float gallery values (already
// normalised), then probes*dim float probe values.
//
// Commands, one per line; each answer is one line:
//   fp32-single Q | fp32-batch B | int8-single Q | int8-batch B  ->  "<command> <seconds>"
//     single: probes 0..Q-1 searched one call each, timed together; batch: probes 0..B-1 in one call. Top-10.
//   top B  ->  "top fp32 <label> ..." then "top int8 <label> ..." (10 labels per probe, probes 0..B-1)
//   quit
#include <faiss/IndexFlat.h>
#include <faiss/IndexScalarQuantizer.h>
#include <faiss/utils/distances.h>

#include <omp.h>
#include <dlfcn.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace {

constexpr int K = 10;

// The shared object that provides sgemm_ in this process (Debian picks it through the libblas.so.3 alternative).
std::string BlasLibrary() {
    std::ifstream maps("/proc/self/maps");
    std::string line;
    while (std::getline(maps, line)) {
        auto slash = line.find('/');
        if (slash != std::string::npos && line.find("blas", slash) != std::string::npos) {
            char resolved[4096];
            auto path = line.substr(slash);
            return realpath(path.c_str(), resolved) ? std::string(resolved) : path;
        }
    }
    return "unknown";
}

double Seconds(const std::chrono::steady_clock::time_point& start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: faiss_scan DATA_FILE\n";
        return 2;
    }

    std::ifstream in(argv[1], std::ios::binary);
    int32_t header[3];
    if (!in.read(reinterpret_cast<char*>(header), sizeof header)) {
        std::cerr << "cannot read " << argv[1] << "\n";
        return 2;
    }
    const int64_t rows = header[0], d = header[1], probeCount = header[2];
    std::vector<float> gallery(rows * d), probes(probeCount * d);
    if (!in.read(reinterpret_cast<char*>(gallery.data()), gallery.size() * sizeof(float)) ||
        !in.read(reinterpret_cast<char*>(probes.data()), probes.size() * sizeof(float))) {
        std::cerr << "truncated " << argv[1] << "\n";
        return 2;
    }

    // One thread, like the single-thread C# rows. OpenMP covers FAISS's own loops; OpenBLAS (if it is the
    // libblas.so.3 in use) has its own thread pool, so it is told as well (OPENBLAS_NUM_THREADS=1 is also set by
    // the caller). The reference BLAS never starts threads.
    omp_set_num_threads(1);
    std::string blasThreads = "1 (reference BLAS has no threads)";
    if (auto set = reinterpret_cast<void (*)(int)>(dlsym(RTLD_DEFAULT, "openblas_set_num_threads"))) {
        set(1);
        auto get = reinterpret_cast<int (*)()>(dlsym(RTLD_DEFAULT, "openblas_get_num_threads"));
        auto config = reinterpret_cast<char* (*)()>(dlsym(RTLD_DEFAULT, "openblas_get_config"));
        blasThreads = std::to_string(get ? get() : -1) + " (OpenBLAS " + (config ? config() : "?") + ")";
    }

    faiss::IndexFlatIP flat(d);
    flat.add(rows, gallery.data());

    // QT_8bit_uniform: one 8-bit range shared by every value, the nearest FAISS has to our one symmetric scale per
    // template (QT_8bit trains a range per dimension; QT_8bit_direct needs values already in 0..255). Trained on
    // the whole gallery (RS_minmax: the smallest and largest value). FAISS keeps the probe in fp32 and decodes codes.
    faiss::IndexScalarQuantizer sq8(d, faiss::ScalarQuantizer::QT_8bit_uniform, faiss::METRIC_INNER_PRODUCT);
    sq8.train(rows, gallery.data());
    sq8.add(rows, gallery.data());

    std::cout << "ready blas=" << BlasLibrary() << " blas_threads=" << blasThreads
              << " omp_threads=" << omp_get_max_threads()
              << " blas_threshold=" << faiss::distance_compute_blas_threshold
              << " sq_range=" << sq8.sq.trained[0] << ":" << sq8.sq.trained[1] << std::endl;

    std::vector<float> distances(probeCount * K);
    std::vector<faiss::Index::idx_t> labels(probeCount * K);
    std::string line;
    while (std::getline(std::cin, line)) {
        std::istringstream command(line);
        std::string name;
        int64_t n = 0;
        command >> name >> n;
        if (name == "quit") {
            break;
        }
        if (n <= 0 || n > probeCount) {
            std::cout << "error " << line << std::endl;
            continue;
        }

        faiss::Index* index = name.rfind("int8", 0) == 0 ? static_cast<faiss::Index*>(&sq8) : &flat;
        if (name == "fp32-single" || name == "int8-single") {
            auto start = std::chrono::steady_clock::now();
            for (int64_t q = 0; q < n; q++) {
                index->search(1, probes.data() + q * d, K, distances.data() + q * K, labels.data() + q * K);
            }
            std::cout << name << " " << Seconds(start) << std::endl;
        } else if (name == "fp32-batch" || name == "int8-batch") {
            auto start = std::chrono::steady_clock::now();
            index->search(n, probes.data(), K, distances.data(), labels.data());
            std::cout << name << " " << Seconds(start) << std::endl;
        } else if (name == "top") {
            for (auto* which : {static_cast<faiss::Index*>(&flat), static_cast<faiss::Index*>(&sq8)}) {
                which->search(n, probes.data(), K, distances.data(), labels.data());
                std::cout << "top " << (which == &flat ? "fp32" : "int8");
                for (int64_t i = 0; i < n * K; i++) {
                    std::cout << " " << labels[i];
                }
                std::cout << std::endl;
            }
        } else {
            std::cout << "error " << line << std::endl;
        }
    }
    return 0;
}
