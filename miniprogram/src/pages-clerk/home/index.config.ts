export default definePageConfig({ navigationBarTitleText: '代办员工作台', enablePullDownRefresh: false });
