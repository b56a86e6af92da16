"""Demo text of the handbook: chapters on digital transformation and on each DBI pillar, in
plain Vietnamese for owners of small businesses, with English versions of a few of them."""

from .factories import callout, heading, paragraph

INDEX_VI = {
    "title": "Cẩm nang chuyển đổi số",
    "intro": (
        "Cẩm nang dành cho chủ doanh nghiệp, hợp tác xã và hộ kinh doanh trong tỉnh: chuyển đổi số là gì, "
        "bộ chỉ số DBI đo những gì, và bắt đầu từ đâu với ngân sách nhỏ."
    ),
}
INDEX_EN = {
    "title": "Digital transformation handbook",
    "intro": (
        "A handbook for owners of the province's enterprises, cooperatives and household businesses: what "
        "digital transformation is, what the DBI index measures, and where to start on a small budget."
    ),
}

OVERVIEW_VI = {
    "slug": "chuyen-doi-so-la-gi",
    "title": "Chuyển đổi số là gì và vì sao doanh nghiệp nhỏ cần quan tâm",
    "intro": (
        "Chuyển đổi số không phải là mua thật nhiều máy tính. Đó là thay đổi cách doanh nghiệp bán hàng, "
        "làm việc và ra quyết định nhờ công nghệ số và dữ liệu."
    ),
    "pillars": ["P1", "P2", "P3", "P4", "P5", "P6"],
    "sizes": ["micro", "small", "medium"],
    "body": [
        heading("Hiểu đúng về chuyển đổi số"),
        paragraph(
            "Nhiều chủ cơ sở nghĩ chuyển đổi số là việc của công ty lớn, cần phần mềm đắt tiền và đội ngũ kỹ sư. "
            "Thực ra, chuyển đổi số là quá trình đưa công nghệ số vào <strong>mọi khâu</strong> của việc kinh "
            "doanh: từ cách khách hàng tìm thấy bạn, cách bạn nhận đơn, ghi sổ, quản lý kho, trả lương, cho đến "
            "cách bạn xem số liệu để quyết định nên nhập hàng gì, mở rộng ở đâu."
        ),
        paragraph(
            "Có ba bước thường được nhắc tới. <em>Số hóa</em> là chuyển giấy tờ thành dữ liệu trên máy: sổ bán "
            "hàng thành bảng tính, hóa đơn giấy thành hóa đơn điện tử. <em>Ứng dụng số</em> là dùng phần mềm "
            "để làm việc nhanh và chính xác hơn: phần mềm bán hàng, kế toán, chấm công. <em>Chuyển đổi số</em> "
            "là khi dữ liệu và nền tảng số làm thay đổi chính mô hình kinh doanh: bán hàng trên sàn thương mại "
            "điện tử tới khách ở tỉnh khác, truy xuất nguồn gốc nông sản bằng mã QR, hay quyết định giá theo "
            "số liệu bán hàng thực tế."
        ),
        heading("Vì sao doanh nghiệp nhỏ được lợi nhiều nhất"),
        paragraph(
            "Doanh nghiệp nhỏ có ít người, ít tiền, nên mỗi giờ làm việc tiết kiệm được và mỗi khách hàng mới "
            "đều có ý nghĩa lớn. Một cửa hàng vật tư nông nghiệp ở Đắk Mil chuyển từ sổ tay sang phần mềm bán "
            "hàng trên điện thoại có thể biết ngay mặt hàng nào sắp hết, khách nào còn nợ, thay vì mất cả buổi "
            "tối để cộng sổ. Một hợp tác xã cà phê đưa sản phẩm lên sàn thương mại điện tử có thể bán trực tiếp "
            "cho người tiêu dùng ở Hà Nội, Thành phố Hồ Chí Minh với giá tốt hơn bán qua thương lái."
        ),
        paragraph(
            "Chuyển đổi số cũng giúp doanh nghiệp làm việc với cơ quan nhà nước dễ hơn: khai thuế, nộp bảo "
            "hiểm xã hội, đăng ký kinh doanh, hóa đơn điện tử đều đã thực hiện trực tuyến. Doanh nghiệp đã quen "
            "với công cụ số sẽ tiết kiệm được nhiều lần đi lại."
        ),
        callout(
            "Không cần làm tất cả cùng lúc. Hãy chọn <strong>một việc gây mất thời gian nhất</strong> hiện "
            "nay (ghi sổ, chốt đơn, đối chiếu công nợ…) và số hóa việc đó trước.",
            title="Bắt đầu từ việc nhỏ",
        ),
        heading("Bộ chỉ số DBI đo mức chuyển đổi số như thế nào"),
        paragraph(
            "Theo Quyết định 1970/QĐ-BTTTT, mức độ chuyển đổi số của doanh nghiệp nhỏ và vừa được đánh giá qua "
            "6 trụ cột: trải nghiệm số cho khách hàng; chiến lược; hạ tầng và công nghệ số; vận hành; chuyển đổi "
            "số văn hóa doanh nghiệp; dữ liệu và tài sản thông tin. Sáu trụ cột gồm 60 tiêu chí, tối đa 320 "
            "điểm. Kết quả được xếp vào 6 mức, từ mức 0 (chưa khởi động) đến mức 5 (dẫn dắt)."
        ),
        paragraph(
            "Các chương tiếp theo của cẩm nang giải thích từng trụ cột: trụ cột đo điều gì, ví dụ ở doanh nghiệp "
            "trong tỉnh, và những bước đầu tiên nên làm. Trang <em>Hướng dẫn bộ chỉ số DBI</em> liệt kê đầy đủ "
            "các tiêu chí, điểm và cách tính mức."
        ),
        heading("Tự đánh giá để biết mình đang ở đâu"),
        paragraph(
            "Bài tự đánh giá trực tuyến mất khoảng 20 phút. Kết quả cho biết điểm và mức của từng trụ cột, "
            "chỉ ra trụ cột yếu nhất và gợi ý các chương cẩm nang, lớp tập huấn phù hợp. Doanh nghiệp nên tự "
            "đánh giá mỗi năm một lần để thấy mình đã tiến được bao xa."
        ),
    ],
}

ROADMAP_VI = {
    "slug": "lo-trinh-5-buoc",
    "title": "Lộ trình 5 bước cho hộ kinh doanh và doanh nghiệp siêu nhỏ",
    "intro": "Một lộ trình đơn giản, làm dần trong 12 tháng, chi phí thấp.",
    "pillars": ["P2", "P3"],
    "sizes": ["micro", "small"],
    "body": [
        heading("Bước 1: Hóa đơn điện tử và tài khoản ngân hàng số"),
        paragraph(
            "Dùng hóa đơn điện tử (bắt buộc với doanh nghiệp và nhiều hộ kinh doanh), mở tài khoản doanh "
            "nghiệp có ngân hàng trực tuyến và mã QR thanh toán. Đây là nền móng để mọi giao dịch để lại dữ liệu."
        ),
        heading("Bước 2: Sổ bán hàng trên điện thoại"),
        paragraph(
            "Chọn một ứng dụng quản lý bán hàng miễn phí hoặc giá rẻ, nhập danh mục hàng hóa, ghi mọi đơn bán "
            "và nhập hàng. Sau một tháng bạn đã có số liệu về mặt hàng bán chạy và lãi gộp."
        ),
        heading("Bước 3: Có mặt trên mạng"),
        paragraph(
            "Tạo trang mạng xã hội của cửa hàng, đăng ký địa điểm trên bản đồ số, cập nhật ảnh sản phẩm và giá. "
            "Trả lời tin nhắn của khách trong ngày."
        ),
        heading("Bước 4: Bán trên sàn thương mại điện tử"),
        paragraph(
            "Với sản phẩm đóng gói được (cà phê, hạt mắc ca, tiêu, mật ong), mở gian hàng trên một sàn thương "
            "mại điện tử hoặc trên sàn Postmart, Voso của bưu điện. Bắt đầu với vài sản phẩm chủ lực."
        ),
        heading("Bước 5: Viết kế hoạch một trang"),
        paragraph(
            "Ghi ra ba mục tiêu số cho năm tới, người phụ trách, ngân sách và cách đo. Đó đã là một kế hoạch "
            "chuyển đổi số được tính điểm ở trụ cột Chiến lược."
        ),
        callout(
            "Sở Khoa học và Công nghệ và các hiệp hội doanh nghiệp tổ chức lớp tập huấn miễn phí. Xem mục Sự "
            "kiện để đăng ký.",
            title="Hỗ trợ miễn phí",
            kind="note",
        ),
    ],
}


def _pillar_chapter(slug, code, title, intro, measures, examples, steps, tip, sizes=("micro", "small", "medium")):
    body = [heading("Trụ cột này đo điều gì")]
    body += [paragraph(text) for text in measures]
    body.append(heading("Ví dụ ở doanh nghiệp trong tỉnh"))
    body += [paragraph(text) for text in examples]
    body.append(heading("Những bước đầu tiên"))
    for step_title, step_text in steps:
        body.append(heading(step_title, "3"))
        body.append(paragraph(step_text))
    body.append(callout(tip, title="Mẹo nhỏ"))
    return {"slug": slug, "title": title, "intro": intro, "pillars": [code], "sizes": list(sizes), "body": body}


PILLAR_CHAPTERS_VI = [
    _pillar_chapter(
        "trai-nghiem-so-cho-khach-hang",
        "P1",
        "Trụ cột 1: Trải nghiệm số cho khách hàng",
        "Khách hàng tìm thấy, mua và liên hệ với doanh nghiệp qua kênh số dễ đến đâu.",
        [
            "Trụ cột có 65 điểm, nhiều nhất sau trụ cột hạ tầng. Phần <em>hiện diện trực tuyến</em> xem doanh "
            "nghiệp có website và cập nhật thường xuyên không, có hoạt động trên mạng xã hội và trả lời khách "
            "nhanh không, dành bao nhiêu chi phí cho tiếp thị số, có bán qua sàn thương mại điện tử không và "
            "doanh thu trực tuyến chiếm bao nhiêu phần.",
            "Phần <em>hoạt động trực tuyến</em> xem doanh nghiệp giao dịch với đối tác, với cơ quan nhà nước, "
            "với ngân hàng và mua sắm đầu vào qua mạng thường xuyên đến đâu.",
        ],
        [
            "Một cơ sở rang xay cà phê ở Gia Nghĩa trước đây chỉ bán cho khách quen. Sau khi lập trang mạng xã "
            "hội, đăng video quy trình rang và mở gian hàng trên sàn, cơ sở nhận đơn đều đặn từ các tỉnh phía "
            "Bắc; đơn hàng trực tuyến chiếm gần một phần ba doanh thu sau một năm.",
            "Một homestay gần hồ Tà Đùng nhận đặt phòng qua các nền tảng du lịch trực tuyến, trả lời tin nhắn "
            "trong vòng một giờ và mời khách đánh giá sau khi trả phòng; điểm đánh giá cao giúp homestay kín "
            "phòng cả mùa thấp điểm.",
        ],
        [
            (
                "Chuẩn hóa thông tin",
                "Tên, địa chỉ, số điện thoại, giờ mở cửa giống nhau trên bản đồ số, mạng "
                "xã hội và bao bì. Khách tin tưởng hơn khi thông tin thống nhất.",
            ),
            (
                "Đặt mục tiêu phản hồi",
                "Phân công người trả lời tin nhắn, đặt mục tiêu trả lời trong ngày và dùng "
                "câu trả lời mẫu cho câu hỏi thường gặp về giá, giao hàng, đổi trả.",
            ),
            (
                "Bán thử trên một sàn",
                "Chọn 3–5 sản phẩm chủ lực, chụp ảnh rõ ràng, ghi đủ thông tin nguồn gốc "
                "và bắt đầu bán trên một sàn thương mại điện tử trước khi mở rộng.",
            ),
        ],
        "Mỗi tháng ghi lại số đơn và doanh thu đến từ kênh trực tuyến: đó chính là số liệu bài tự đánh giá hỏi.",
    ),
    _pillar_chapter(
        "chien-luoc-chuyen-doi-so",
        "P2",
        "Trụ cột 2: Chiến lược chuyển đổi số",
        "Doanh nghiệp có kế hoạch chuyển đổi số rõ ràng, có người phụ trách và nguồn lực hay chưa.",
        [
            "Trụ cột chỉ có một tiêu chí nhưng nặng tới 25 điểm: doanh nghiệp đã xây dựng chiến lược hay kế "
            "hoạch chuyển đổi số chưa, và kế hoạch đó đã được triển khai đến đâu. Mỗi mức trả lời được nhân 5 "
            "điểm, nên đi từ “chưa có” lên “đã có kế hoạch và đang thực hiện” tạo khác biệt lớn trong tổng điểm.",
            "Kế hoạch không cần dài. Điều quan trọng là có mục tiêu cụ thể gắn với việc kinh doanh, có thời "
            "hạn, người chịu trách nhiệm, kinh phí và cách đo kết quả.",
        ],
        [
            "Một hợp tác xã nông nghiệp ở Đắk Song viết kế hoạch hai trang cho năm đầu: dùng phần mềm kế toán, "
            "gắn mã QR truy xuất nguồn gốc cho hồ tiêu, và đào tạo ba cán bộ dùng máy tính. Kế hoạch được đại "
            "hội thành viên thông qua, mỗi quý rà soát một lần.",
            "Một công ty vận tải nhỏ đặt mục tiêu 100% lệnh vận chuyển trên ứng dụng trong sáu tháng, giao cho "
            "phó giám đốc phụ trách, và gắn một phần thưởng cuối năm với mục tiêu này.",
        ],
        [
            (
                "Xác định vấn đề cần giải quyết",
                "Liệt kê ba việc đang tốn thời gian hoặc làm mất khách nhiều "
                "nhất. Chuyển đổi số nên bắt đầu từ những vấn đề này, không phải từ công nghệ.",
            ),
            (
                "Viết kế hoạch một trang",
                "Mỗi mục tiêu gồm: việc cần làm, người phụ trách, thời hạn, kinh phí, "
                "chỉ số đo. Lưu kế hoạch và chia sẻ cho toàn bộ nhân viên.",
            ),
            (
                "Rà soát định kỳ",
                "Mỗi quý xem lại kết quả, điều chỉnh mục tiêu. Bài tự đánh giá DBI hằng năm là "
                "thước đo khách quan cho kế hoạch.",
            ),
        ],
        "Dùng mẫu kế hoạch của cẩm nang và kết quả tự đánh giá năm nay để chọn mục tiêu cho trụ cột yếu nhất.",
    ),
    _pillar_chapter(
        "ha-tang-va-cong-nghe-so",
        "P3",
        "Trụ cột 3: Hạ tầng và công nghệ số",
        "Kết nối Internet, thiết bị và các giải pháp công nghệ số doanh nghiệp đang dùng.",
        [
            "Đây là trụ cột lớn nhất, 80 điểm, với 16 tiêu chí. Phần <em>kết nối mạng</em> xem tốc độ Internet "
            "cố định và mạng không dây. Phần <em>hạ tầng công nghệ thông tin</em> xem doanh nghiệp đã dùng "
            "các công nghệ cơ bản (mạng nội bộ, lưu hồ sơ điện tử, hóa đơn điện tử, chia sẻ dữ liệu) và nâng "
            "cao (điện toán đám mây, phần mềm quản trị tổng thể ERP, quản lý khách hàng CRM, tường lửa và an "
            "ninh mạng, thiết bị IoT) đến đâu.",
            "Với doanh nghiệp sản xuất, trụ cột còn hỏi về tự động hóa, robot hoặc máy in 3D, nhận diện sản "
            "phẩm tự động như RFID và quản lý chuỗi cung ứng bằng giải pháp số.",
        ],
        [
            "Một trang trại sầu riêng ở Krông Nô lắp cảm biến độ ẩm đất và bộ điều khiển tưới qua điện thoại; "
            "lượng nước tưới giảm khoảng một phần tư mà năng suất vẫn ổn định.",
            "Một cửa hàng điện máy ở Đắk R'lấp chuyển dữ liệu bán hàng và kế toán lên phần mềm đám mây, không "
            "còn lo mất dữ liệu khi máy tính hỏng và chủ cửa hàng xem được doanh thu ngay trên điện thoại.",
        ],
        [
            (
                "Kiểm tra đường truyền",
                "Đo tốc độ Internet vào giờ cao điểm; nếu chậm, nâng gói cước cáp quang "
                "và lắp thêm bộ phát Wi-Fi cho kho, xưởng.",
            ),
            (
                "Dùng dịch vụ đám mây",
                "Lưu hồ sơ, hợp đồng, hóa đơn trên dịch vụ lưu trữ đám mây có phân quyền "
                "thay vì trên một máy tính duy nhất.",
            ),
            (
                "Bảo vệ cơ bản",
                "Đặt mật khẩu mạnh, bật xác thực hai lớp cho email và tài khoản ngân hàng, cập "
                "nhật phần mềm, sao lưu dữ liệu hằng tuần.",
            ),
        ],
        "Nhiều phần mềm quản lý cho doanh nghiệp nhỏ thuộc Chương trình hỗ trợ doanh nghiệp chuyển đổi số "
        "được miễn phí hoặc giảm giá trong năm đầu.",
    ),
    _pillar_chapter(
        "van-hanh",
        "P4",
        "Trụ cột 4: Vận hành",
        "Chính sách, con người và kỹ năng giúp doanh nghiệp vận hành trên nền tảng số.",
        [
            "Trụ cột có 65 điểm chia làm hai phần. Phần <em>chính sách công nghệ thông tin</em> xem doanh "
            "nghiệp có quy định về bảo mật, bảo vệ dữ liệu, bảo đảm chất lượng, đánh giá hiệu quả; có nâng cấp "
            "phần cứng, phần mềm định kỳ và dành bao nhiêu phần kinh phí cho hạ tầng công nghệ.",
            "Phần <em>nguồn nhân lực</em> xem doanh nghiệp có người hoặc bộ phận phụ trách công nghệ, tỷ lệ "
            "nhân viên có chuyên môn, có làm việc từ xa được không, có đào tạo kỹ năng số, học trực tuyến và "
            "lưu giữ kinh nghiệm thành kho tri thức chung hay không.",
        ],
        [
            "Một doanh nghiệp chế biến nông sản ở Cư Jút ban hành quy định một trang về mật khẩu, sao lưu và "
            "quyền truy cập phần mềm; mỗi nhân viên mới được hướng dẫn trong buổi đầu tiên.",
            "Một công ty xây dựng nhỏ cử hai kỹ sư học khóa trực tuyến miễn phí về quản lý dự án trên phần mềm, "
            "sau đó hai người này hướng dẫn lại cho cả công ty và ghi thành tài liệu dùng chung.",
        ],
        [
            (
                "Cử người phụ trách",
                "Không cần phòng công nghệ riêng: giao cho một người có hiểu biết làm đầu "
                "mối chuyển đổi số, có thời gian và quyền quyết định những việc nhỏ.",
            ),
            (
                "Viết quy định ngắn",
                "Một trang về mật khẩu, sao lưu, ai được xem dữ liệu gì, xử lý khi mất "
                "thiết bị. Phổ biến cho mọi người và rà soát mỗi năm.",
            ),
            (
                "Học liên tục",
                "Dành cho mỗi nhân viên vài giờ mỗi quý để học kỹ năng số; nhiều khóa học trực "
                "tuyến miễn phí bằng tiếng Việt.",
            ),
        ],
        "Ghi lại cách làm những việc lặp lại (quy trình nhập hàng, xuất hóa đơn) thành tài liệu dùng chung: "
        "người mới học nhanh hơn và doanh nghiệp không phụ thuộc vào một người.",
    ),
    _pillar_chapter(
        "van-hoa-doanh-nghiep-so",
        "P5",
        "Trụ cột 5: Chuyển đổi số văn hóa doanh nghiệp",
        "Nhân viên dùng công cụ số trong công việc hằng ngày và doanh nghiệp có thói quen đổi mới.",
        [
            "Trụ cột có 50 điểm. Phần <em>sử dụng công nghệ thông tin</em> xem tỷ lệ nhân viên dùng máy tính, "
            "điện thoại thông minh, Internet và phần mềm văn phòng cho công việc, doanh nghiệp có thư điện tử "
            "theo tên miền riêng và họp trực tuyến hay không.",
            "Phần <em>nghiên cứu và phát triển</em> xem doanh nghiệp có bộ phận hoặc kinh phí cho nghiên cứu, "
            "có nhãn hiệu, sáng chế riêng, có năng lực đổi mới và hợp tác tạo ra sản phẩm mới hay không.",
        ],
        [
            "Một hợp tác xã mắc ca ở Tuy Đức đăng ký nhãn hiệu riêng, dùng thư điện tử theo tên miền hợp tác "
            "xã khi giao dịch với nhà phân phối và họp trực tuyến hằng tuần với các tổ sản xuất ở xa.",
            "Một cơ sở dệt thổ cẩm phối hợp với một trường đại học thiết kế sản phẩm mới bán trên mạng; ý "
            "tưởng được nhân viên góp ý qua nhóm trò chuyện chung.",
        ],
        [
            (
                "Công cụ cho mọi người",
                "Mỗi nhân viên có tài khoản thư điện tử công việc và được dùng phần mềm "
                "chung; tránh để dữ liệu nằm trên tài khoản cá nhân.",
            ),
            (
                "Khuyến khích ý tưởng",
                "Mỗi tháng dành một buổi để nhân viên đề xuất cách làm mới, thử nghiệm "
                "nhỏ và ghi nhận người có ý tưởng tốt.",
            ),
            (
                "Bảo hộ thương hiệu",
                "Đăng ký nhãn hiệu cho sản phẩm chủ lực; nhiều địa phương có chương trình "
                "hỗ trợ chi phí đăng ký nhãn hiệu và chỉ dẫn địa lý.",
            ),
        ],
        "Chủ doanh nghiệp làm gương: khi giám đốc dùng phần mềm và họp trực tuyến, nhân viên sẽ theo.",
    ),
    _pillar_chapter(
        "du-lieu-va-tai-san-thong-tin",
        "P6",
        "Trụ cột 6: Dữ liệu và tài sản thông tin",
        "Doanh nghiệp thu thập, quản lý và khai thác dữ liệu để ra quyết định và tạo doanh thu.",
        [
            "Trụ cột có 35 điểm với 7 tiêu chí: doanh nghiệp có cơ sở dữ liệu riêng về khách hàng, sản phẩm, "
            "giao dịch không; có phần mềm quản lý cơ sở dữ liệu; có tự thu thập dữ liệu qua kênh số; có dùng "
            "dữ liệu lớn; có doanh thu nhờ khai thác dữ liệu; có công cụ phân tích, trực quan hóa dữ liệu và hỗ "
            "trợ ra quyết định.",
            "Dữ liệu là tài sản: danh sách khách hàng, lịch sử mua hàng, giá nhập, năng suất từng lô hàng giúp "
            "doanh nghiệp bán đúng thứ khách cần và tránh tồn kho.",
        ],
        [
            "Một cửa hàng vật tư nông nghiệp ở Đắk Mil xem báo cáo bán hàng theo mùa vụ và nhắn tin nhắc khách "
            "mua phân bón đúng thời điểm; doanh thu mùa mưa tăng rõ rệt mà không phải giảm giá.",
            "Một doanh nghiệp chế biến cà phê ghi dữ liệu độ ẩm, nhiệt độ rang từng mẻ; nhờ so sánh các mẻ, "
            "doanh nghiệp giữ được chất lượng ổn định cho khách xuất khẩu.",
        ],
        [
            (
                "Gom dữ liệu về một chỗ",
                "Danh sách khách hàng, nhà cung cấp, sản phẩm nên ở một phần mềm hoặc "
                "một bảng tính chung có phân quyền, không rải rác trên nhiều sổ và điện thoại.",
            ),
            (
                "Xem báo cáo mỗi tuần",
                "Đặt lịch xem doanh thu theo sản phẩm, theo khách hàng, theo kênh bán; "
                "từ đó quyết định nhập hàng và khuyến mãi.",
            ),
            (
                "Tôn trọng dữ liệu cá nhân",
                "Chỉ thu thập thông tin cần thiết, xin đồng ý của khách và bảo vệ dữ "
                "liệu theo quy định về bảo vệ dữ liệu cá nhân.",
            ),
        ],
        "Bắt đầu bằng một câu hỏi kinh doanh cụ thể (“khách nào mua lại nhiều nhất?”) rồi tìm dữ liệu trả lời.",
    ),
]

OVERVIEW_EN = {
    "title": "What digital transformation is and why small businesses should care",
    "slug": "what-is-digital-transformation",
    "intro": (
        "Digital transformation is not about buying many computers. It is about changing how a business sells, "
        "works and decides, using digital technology and data."
    ),
    "body": [
        heading("Understanding digital transformation"),
        paragraph(
            "Many owners think digital transformation is for large companies with expensive software. In fact it "
            "means bringing digital technology into <strong>every part</strong> of the business: how customers "
            "find you, how you take orders, keep the books, manage stock and pay wages, and how you read your "
            "figures to decide what to buy and where to grow."
        ),
        paragraph(
            "Three steps are often named. <em>Digitisation</em> turns paper into data. <em>Digital "
            "applications</em> use software to work faster and more accurately. <em>Digital transformation</em> "
            "is when data and platforms change the business model itself: selling on e-commerce platforms to "
            "customers in other provinces, or tracing produce with QR codes."
        ),
        heading("Why small businesses gain the most"),
        paragraph(
            "A farm-supply shop in Đắk Mil that moves from a notebook to a sales app on a phone knows at once "
            "which items are running out and which customers still owe money. A coffee cooperative selling on an "
            "e-commerce platform reaches buyers in Hà Nội and Hồ Chí Minh City at better prices than traders pay."
        ),
        callout(
            "You do not have to do everything at once. Pick the task that costs you the most time today and "
            "digitise that first.",
            title="Start small",
        ),
        heading("How the DBI index measures digital transformation"),
        paragraph(
            "Under Decision 1970/QĐ-BTTTT an SME is assessed on 6 pillars: digital customer experience; strategy; "
            "digital infrastructure and technology; operations; corporate culture; data and information assets. "
            "The pillars hold 60 criteria worth 320 points, and the result is one of six levels, from 0 (not "
            "started) to 5 (leading)."
        ),
        heading("Assess yourself to see where you stand"),
        paragraph(
            "The online self-assessment takes about 20 minutes. It shows the points and level of each pillar, "
            "points out the weakest one and suggests handbook chapters and training that fit."
        ),
    ],
}

P1_EN = {
    "title": "Pillar 1: Digital customer experience",
    "slug": "digital-customer-experience",
    "intro": "How easily customers find, buy from and reach the business through digital channels.",
    "body": [
        heading("What this pillar measures"),
        paragraph(
            "The pillar is worth 65 points. <em>Online presence</em> covers the company's website and how often it "
            "is updated, social media and how fast customers get answers, spending on digital marketing, selling "
            "on e-commerce platforms and the share of revenue earned online."
        ),
        paragraph(
            "<em>Online activity</em> covers how often the company deals digitally with partners, with government "
            "agencies and banks, and buys its supplies online."
        ),
        heading("Examples from the province"),
        paragraph(
            "A coffee roaster in Gia Nghĩa used to sell only to regular customers. After opening a social media "
            "page and a shop on an e-commerce platform it receives steady orders from the north; online orders "
            "made up almost a third of its revenue after a year."
        ),
        heading("First steps"),
        heading("Make your details consistent", "3"),
        paragraph("Use the same name, address, phone number and opening hours on maps, social media and packaging."),
        heading("Answer quickly", "3"),
        paragraph("One person answers messages the same day, with ready answers to common questions."),
        heading("Try one platform", "3"),
        paragraph("Start with 3–5 flagship products on one e-commerce platform before you expand."),
        callout("Record the orders and revenue from online channels every month: the self-assessment asks for them."),
    ],
}

FAQ_VI = {
    "title": "Hỏi đáp về chuyển đổi số và bộ chỉ số DBI",
    "slug": "hoi-dap",
    "intro": "Những câu hỏi doanh nghiệp thường gửi tới chương trình, kèm câu trả lời ngắn gọn.",
    "body": [
        (
            "section",
            {
                "heading": "Chuyển đổi số",
                "items": [
                    {
                        "question": "Hộ kinh doanh nhỏ có cần chuyển đổi số không?",
                        "answer": "<p>Có. Những việc đơn giản như thanh toán bằng mã QR, ghi sổ bán hàng trên "
                        "điện thoại, có trang mạng xã hội của cửa hàng đã giúp tiết kiệm thời gian và tìm thêm "
                        "khách. Chuyển đổi số không đòi hỏi đầu tư lớn ngay từ đầu.</p>",
                    },
                    {
                        "question": "Chuyển đổi số tốn bao nhiêu tiền?",
                        "answer": "<p>Tùy việc. Nhiều phần mềm bán hàng, kế toán cho doanh nghiệp nhỏ có giá vài "
                        "trăm nghìn đồng mỗi tháng, một số được miễn phí năm đầu theo Chương trình hỗ trợ doanh "
                        "nghiệp nhỏ và vừa chuyển đổi số. Hãy bắt đầu từ việc gây tốn thời gian nhất.</p>",
                    },
                    {
                        "question": "Doanh nghiệp không có nhân viên công nghệ thông tin thì làm thế nào?",
                        "answer": "<p>Giao cho một người trong doanh nghiệp làm đầu mối, chọn giải pháp dạng "
                        "dịch vụ trên đám mây (nhà cung cấp lo vận hành, cập nhật) và tham gia các lớp tập huấn "
                        "miễn phí của chương trình.</p>",
                    },
                    {
                        "question": "Bán hàng trên sàn thương mại điện tử có phải nộp thuế không?",
                        "answer": "<p>Có. Doanh thu bán hàng trực tuyến phải kê khai và nộp thuế như doanh thu "
                        "thông thường; từ năm 2025 một số sàn khấu trừ và nộp thuế thay cho hộ kinh doanh. Hãy "
                        "hỏi cơ quan thuế quản lý để được hướng dẫn cụ thể.</p>",
                    },
                ],
            },
        ),
        (
            "section",
            {
                "heading": "Bộ chỉ số DBI và tự đánh giá",
                "items": [
                    {
                        "question": "Bộ chỉ số DBI là gì?",
                        "answer": "<p>DBI là bộ chỉ số đánh giá mức độ chuyển đổi số của doanh nghiệp ban hành "
                        "kèm Quyết định 1970/QĐ-BTTTT năm 2021. Với doanh nghiệp nhỏ và vừa, bộ chỉ số có 6 trụ "
                        "cột, 60 tiêu chí, tối đa 320 điểm và 6 mức từ 0 đến 5.</p>",
                    },
                    {
                        "question": "Tự đánh giá mất bao lâu và có mất phí không?",
                        "answer": "<p>Khoảng 20 phút và hoàn toàn miễn phí. Bạn có thể lưu bài làm dở và tiếp "
                        "tục sau bằng đường dẫn riêng.</p>",
                    },
                    {
                        "question": "Kết quả tự đánh giá có được công khai không?",
                        "answer": "<p>Không. Kết quả chỉ doanh nghiệp, cán bộ thẩm định và cán bộ chương trình "
                        "xem được. Chỉ những kết quả đã thẩm định và được doanh nghiệp đồng ý mới dùng cho xếp "
                        "hạng, tôn vinh.</p>",
                    },
                    {
                        "question": "Vì sao tổng điểm cao mà mức tổng thể vẫn thấp?",
                        "answer": "<p>Mức tổng thể cần đủ hai điều kiện: tổng điểm vượt ngưỡng <em>và</em> đủ "
                        "số trụ cột đạt từ mức đó trở lên. Một trụ cột quá yếu có thể kéo mức tổng thể xuống. "
                        "Xem trang Hướng dẫn bộ chỉ số DBI để biết chi tiết.</p>",
                    },
                    {
                        "question": "Bao lâu nên tự đánh giá một lần?",
                        "answer": "<p>Mỗi năm một lần, trước kỳ tổng hợp báo cáo của tỉnh, để so sánh tiến bộ "
                        "của doanh nghiệp qua từng năm.</p>",
                    },
                ],
            },
        ),
        (
            "section",
            {
                "heading": "Hỗ trợ từ chương trình",
                "items": [
                    {
                        "question": "Doanh nghiệp được hỗ trợ gì sau khi tự đánh giá?",
                        "answer": "<p>Doanh nghiệp nhận gợi ý các chương cẩm nang và lớp tập huấn phù hợp với "
                        "trụ cột yếu nhất, có thể đăng ký tư vấn với mạng lưới chuyên gia và tham gia xét tôn vinh "
                        "doanh nghiệp chuyển đổi số tiêu biểu hằng năm.</p>",
                    },
                    {
                        "question": "Liên hệ chương trình ở đâu?",
                        "answer": "<p>Sở Khoa học và Công nghệ tỉnh Lâm Đồng, số 36 Trần Phú, Đà Lạt; điện "
                        "thoại 0263 3822 000; thư điện tử chuyendoiso@example.gov.vn.</p>",
                    },
                ],
            },
        ),
    ],
}

FAQ_EN = {
    "title": "Questions about digital transformation and the DBI index",
    "slug": "faq",
    "intro": "Questions enterprises often send to the programme, with short answers.",
    "body": [
        (
            "section",
            {
                "heading": "The DBI index and the self-assessment",
                "items": [
                    {
                        "question": "What is the DBI index?",
                        "answer": "<p>The Digital Business Indicators of Decision 1970/QĐ-BTTTT (2021). For "
                        "SMEs: 6 pillars, 60 criteria, 320 points and six levels from 0 to 5.</p>",
                    },
                    {
                        "question": "How long does the self-assessment take, and is it free?",
                        "answer": "<p>About 20 minutes, and it is free.</p>",
                    },
                    {
                        "question": "Why is my overall level low although my total is high?",
                        "answer": "<p>A level needs both a total above its threshold <em>and</em> enough pillars "
                        "at that level or above. One weak pillar can hold the overall level back.</p>",
                    },
                ],
            },
        ),
    ],
}

GUIDE_VI = {
    "title": "Hướng dẫn bộ chỉ số DBI",
    "slug": "huong-dan-dbi",
    "intro": (
        "<p>Trang này trình bày đầy đủ bộ chỉ số đánh giá mức độ chuyển đổi số doanh nghiệp nhỏ và vừa: các trụ "
        "cột, thành phần, tiêu chí, điểm của từng mức trả lời và cách tính mức. Nội dung được lấy trực tiếp từ "
        "dữ liệu mà hệ thống dùng để chấm điểm, nên luôn khớp với kết quả tự đánh giá.</p>"
    ),
}
GUIDE_EN = {
    "title": "Guide to the DBI index",
    "slug": "dbi-guide",
    "intro": (
        "<p>The complete SME digital transformation index: pillars, components, criteria, the points of each "
        "answer level and how levels are computed, read straight from the data the scoring uses.</p>"
    ),
}
